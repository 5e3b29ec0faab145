/** Term arithmetic lives with the shared contract so the web's term picker agrees with the server. */
export { currentTerm, previousTerm, recentTerms } from '../../../shared/api/insights.ts';
