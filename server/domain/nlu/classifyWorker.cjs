// Worker thread entry of the language pool (inboundClassifier.ts): classification and bot
// replies. Worker threads do not inherit the parent's TypeScript loader, so this plain CommonJS
// file registers tsx before loading the task.
require('tsx/cjs/api').register();
module.exports = require('./classifyTask.ts');
