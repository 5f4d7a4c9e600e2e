// One webpack entry point for both hosts; each host keeps its own configuration beside its code.
const addin = require('./addin/webpack.addin.js');
const appsScript = require('./apps-script/webpack.apps-script.js');

module.exports = (env = {}, argv = {}) => [addin(env, argv), appsScript(env, argv)];
