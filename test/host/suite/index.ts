import { runMochaSuites } from './mochaRunner';

/** Entry point VS Code calls in the extension host (extensionTestsPath). */
export function run(): Promise<void> {
  return runMochaSuites(() => {
    require('./activation.test');
    require('./language.test');
    require('./catalogue.test');
    require('./apiEditing.test');
    require('./config.test');
    require('./pki.test');
    require('./ehiCheck.test');
    require('./tree.test');
    require('./runner.test');
    require('./problemDetails.test');
    require('./sandbox.test');
    require('./ehi.test');
    require('./ehiSend.test');
    require('./postmanImport.test');
    require('./postmanExport.test');
    require('./leak.test');
  });
}
