/**
 * Notifications: alerts sent out as they open, to webhooks (a generic JSON body), Slack-compatible
 * webhooks and email over SMTP. Channels pick alerts by level, pack and rule; each replica routes new
 * alerts and sends due deliveries, claiming rows in PostgreSQL so no message goes out twice; a channel is
 * throttled per minute (alerts beyond it go out together), and failures are retried with back-off and
 * shown to admins with their last error. Secrets are write-only.
 */
package io.vigil.detect.notify;
