// Loads a TypeScript module of this folder from the (CommonJS) webpack configuration through tsx.
const path = require('path');
const { require: tsxRequire } = require('tsx/cjs/api');

function tsImport(specifier) {
  return tsxRequire(path.resolve(__dirname, specifier), __filename);
}

module.exports = { tsImport };
