/**
 * FRICTIONLENS_WEBHOOK_ALLOW: comma-separated hosts a webhook endpoint may reach over plain
 * http (a test receiver on 127.0.0.1, a relay inside a private network). Empty: https only.
 */
export function webhookAllowList(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.FRICTIONLENS_WEBHOOK_ALLOW ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
}
