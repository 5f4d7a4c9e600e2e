// Builds the Excel add-in into dist/addin/:
//   taskpane.html + taskpane.js  the one page of the shared runtime: task pane UI and the custom
//                                functions (the bundle also exposes window.ClientbaseAddin with
//                                mountTaskpane, which the headless-browser test uses);
//   functions.json, functions.ru.json  custom-function metadata generated from the catalog;
//   assets/icon-*.png            ribbon and store icons.
// `npm run dev:excel` serves the same files on https://localhost:3000 (the manifest's URLs).
const path = require('path');
const os = require('os');
const fs = require('fs');
const { execFileSync } = require('child_process');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = path.resolve(__dirname, '..');
const PLUGIN = 'ExcelFunctionsMetadataPlugin';

/** Emits functions.json and functions.ru.json, generated from the catalog on every build. */
class ExcelFunctionsMetadataPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const json = execFileSync(
            process.execPath,
            [
              require.resolve('tsx/cli'),
              path.join(__dirname, 'tools', 'generate-excel-metadata.ts'),
              '--stdout',
            ],
            { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
          );
          const both = JSON.parse(json);
          compilation.emitAsset(
            'functions.json',
            new sources.RawSource(JSON.stringify(both.en, null, 2)),
          );
          compilation.emitAsset(
            'functions.ru.json',
            new sources.RawSource(JSON.stringify(both.ru, null, 2)),
          );
        },
      );
    });
  }
}

/** The Office dev certificates when `office-addin-dev-certs install` made them, else self-signed. */
function httpsServer() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return {
      type: 'https',
      options: Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]),
      ),
    };
  }
  return 'https';
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const outDir = env.addinOutDir || path.join(root, 'dist', 'addin');
  return {
    name: 'addin',
    mode,
    context: root,
    target: ['web', 'es2020'],
    devtool: mode === 'development' ? 'source-map' : false,
    entry: {
      // The library goes on this entry only: the compute worker chunk has no `window`.
      taskpane: {
        import: path.join(__dirname, 'taskpane', 'index.tsx'),
        library: { name: 'ClientbaseAddin', type: 'window' },
      },
    },
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: '[name].js',
      globalObject: 'self',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `npm run typecheck`; the build only transpiles.
            // ES modules out, so webpack can drop the unused parts of Fluent UI.
            options: {
              configFile: path.join(__dirname, 'tsconfig.json'),
              transpileOnly: true,
              compilerOptions: { module: 'es2020', sourceMap: mode === 'development' },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(__dirname, 'taskpane', 'taskpane.html'),
        chunks: ['taskpane'],
        scriptLoading: 'blocking',
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(__dirname, 'assets', '*.png'), to: 'assets/[name][ext]' }],
      }),
      new ExcelFunctionsMetadataPlugin(),
    ],
    devServer: {
      port: 3000,
      server: httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
    },
  };
};
