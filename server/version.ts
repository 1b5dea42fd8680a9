/** The product version, from package.json, reported by /healthz. */
import packageJson from '../package.json';

export const SERVER_VERSION: string = packageJson.version;
