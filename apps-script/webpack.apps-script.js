// Builds the Google Sheets add-on into dist/apps-script/ (the clasp rootDir):
//   Code.js        the server bundle (core included) as `var __cb`, followed by generated
//                  top-level declarations: one custom function per catalog entry with its JSDoc,
//                  the triggers and the functions the sidebar calls through google.script.run;
//   sidebar.html   the sidebar page with its script bundle inlined (HtmlService serves one file);
//   appsscript.json the manifest.
// Apps Script has no module system, so nothing may be left as import/export/require.
const path = require('path');
const fs = require('fs');
const { tsImport } = require('./build/load-ts.js');

const root = path.resolve(__dirname, '..');
const defaultOutDir = path.join(root, 'dist', 'apps-script');
const PLUGIN = 'AppsScriptGlobalsPlugin';

/** Escapes a script so it cannot close the inline <script> element that holds it. */
function inlineScript(source) {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

class AppsScriptGlobalsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          // Generated from the same catalog source the bundle contains, loaded fresh per build.
          const { generateGlobals } = tsImport('./generate-globals.ts');
          const { functionCatalog } = tsImport('../../shared/catalog/index.ts');
          const code = compilation.getAsset('Code.js');
          if (!code) throw new Error('Code.js was not emitted');
          compilation.updateAsset(
            'Code.js',
            new sources.RawSource(
              `${code.source.source().toString()}\n\n${generateGlobals(functionCatalog)}`,
            ),
          );

          const script = compilation.getAsset('sidebar.js');
          if (!script) throw new Error('sidebar.js was not emitted');
          const template = fs.readFileSync(path.join(__dirname, 'sidebar', 'sidebar.html'), 'utf8');
          const marker = '<!-- SIDEBAR_SCRIPT -->';
          if (!template.includes(marker)) throw new Error(`sidebar.html lacks ${marker}`);
          const html = template.replace(
            marker,
            () => `<script>\n${inlineScript(script.source.source().toString())}\n</script>`,
          );
          compilation.deleteAsset('sidebar.js');
          compilation.emitAsset('sidebar.html', new sources.RawSource(html));
          compilation.emitAsset(
            'appsscript.json',
            new sources.RawSource(fs.readFileSync(path.join(__dirname, 'appsscript.json'), 'utf8')),
          );
        },
      );
    });
  }
}

// `--env appsScriptOutDir=DIR` builds elsewhere (the tests build into a temporary folder).
module.exports = (env = {}, argv = {}) => ({
  name: 'apps-script',
  mode: argv.mode === 'development' ? 'development' : 'production',
  context: __dirname,
  target: ['es2020'],
  devtool: false,
  entry: {
    Code: {
      import: './server/index.ts',
      library: { name: '__cb', type: 'var' },
    },
    sidebar: './sidebar/main.ts',
  },
  output: {
    path: env.appsScriptOutDir ? path.resolve(env.appsScriptOutDir) : defaultOutDir,
    filename: '[name].js',
    clean: true,
    iife: true,
    chunkFormat: false,
    chunkLoading: false,
    wasmLoading: false,
    workerChunkLoading: false,
    environment: { arrowFunction: true, const: true, destructuring: true, module: false },
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            // Type checking is `npm run typecheck`'s job; the two tsconfigs differ (DOM vs Apps Script).
            transpileOnly: true,
            configFile: path.join(__dirname, 'tsconfig.json'),
            compilerOptions: { target: 'ES2020', module: 'ES2020', sourceMap: false },
          },
        },
      },
    ],
  },
  optimization: {
    // Readable output: Apps Script's execution log shows stack traces against this file.
    minimize: false,
    splitChunks: false,
    runtimeChunk: false,
    concatenateModules: true,
  },
  performance: { hints: false },
  plugins: [new AppsScriptGlobalsPlugin()],
});
