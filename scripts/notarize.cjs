// electron-builder afterSign hook: notarizes the signed macOS app with Apple when credentials are
// in the environment (an App Store Connect API key, or an Apple ID with an app-specific password),
// and does nothing otherwise, so unsigned local and CI builds still package.
const { join } = require('node:path');

/** Notarization options from the environment, or null when no complete set of credentials is there. */
function notarizeCredentials(env) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER };
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID };
  }
  return null;
}

async function afterSign(context, notarize = (options) => require('@electron/notarize').notarize(options)) {
  if (context.electronPlatformName !== 'darwin') return false;
  const credentials = notarizeCredentials(process.env);
  if (!credentials) {
    console.log('notarize: no Apple credentials in the environment, skipped');
    return false;
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  await notarize({ appPath, ...credentials });
  return true;
}

module.exports = afterSign;
module.exports.default = afterSign;
module.exports.notarizeCredentials = notarizeCredentials;
