import { JobRegistry } from './jobs.runner.ts';
import { extractFileTextJob } from '../modules/library/library.jobs.ts';
import { deidentifyJob } from '../modules/privacy/privacy.jobs.ts';
import { reindexSearchJob } from '../modules/search/search.jobs.ts';
import { sendNotificationEmailJob } from '../modules/notifications/notifications.jobs.ts';
import { sessionReminderJob } from '../modules/training/training.reminders.ts';
import { retentionPurgeJob } from '../modules/assistant/assistant.jobs.ts';
import { insightsRecomputeJob } from '../modules/insights/insights.jobs.ts';

/**
 * The node's named job handlers. Modules define theirs in `<m>.jobs.ts` with `jobRegistry.define(...)`
 * and are imported here, so the runner knows every name at start.
 */
export const jobRegistry = new JobRegistry();
jobRegistry.define(reindexSearchJob);
jobRegistry.define(deidentifyJob);
jobRegistry.define(extractFileTextJob);
jobRegistry.define(sendNotificationEmailJob);
jobRegistry.define(sessionReminderJob);
jobRegistry.define(retentionPurgeJob);
jobRegistry.define(insightsRecomputeJob);
