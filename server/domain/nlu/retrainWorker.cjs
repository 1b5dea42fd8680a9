// Worker thread entry of model training (modelTrainer.ts). Worker threads do not inherit the
// parent's TypeScript loader, so this plain CommonJS file registers tsx before loading the task.
require('tsx/cjs/api').register();
module.exports = require('./retrainTask.ts');
