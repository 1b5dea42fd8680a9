/** Signs a demo account in over the public login API and returns its session token. */
import { DEMO_PASSWORD } from '../../../server/demo/seed';

export async function demoLogin(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
