/**
 * Invented statements for the xapi tests: a school in Hong Kong recording a pupil's quiz attempt.
 * Each call returns a fresh object, so a test may change it freely.
 */
export const STUDENT = { objectType: 'Agent', name: 'Chan Siu Ming', mbox: 'mailto:siuming.chan@pupils.example.edu.hk' };
export const TEACHER = { objectType: 'Agent', name: 'Lau Wing Yan', account: { homePage: 'https://lms.example.edu.hk', name: 't-0042' } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function baseStatement(): Json {
  return {
    id: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f',
    actor: structuredClone(STUDENT),
    verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted', 'zh-Hant-HK': '嘗試了' } },
    object: {
      objectType: 'Activity',
      id: 'https://courses.example.edu.hk/ai-basics/quiz/1',
      definition: {
        name: { en: 'AI basics quiz 1', 'zh-Hant': '人工智能基礎測驗一', 'zh-Hans': '人工智能基础测验一' },
        description: { en: 'Five questions on search and learning.' },
        type: 'http://adlnet.gov/expapi/activities/assessment',
      },
    },
    result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, success: true, completion: true, duration: 'PT12M30.25S' },
    context: {
      registration: 'c7d6e5f4-3b2a-4190-8877-665544332211',
      instructor: structuredClone(TEACHER),
      contextActivities: {
        parent: { id: 'https://courses.example.edu.hk/ai-basics' },
        category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
      },
      language: 'zh-Hant-HK',
      platform: 'EduBridge',
    },
    timestamp: '2024-09-02T09:15:00.123+08:00',
  };
}

/** A choice interaction definition in the shape of the spec's Appendix C. */
export function choiceActivity(): Json {
  return {
    objectType: 'Activity',
    id: 'https://courses.example.edu.hk/ai-basics/quiz/1/q2',
    definition: {
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: ['bfs[,]dfs'],
      choices: [
        { id: 'bfs', description: { en: 'Breadth-first search' } },
        { id: 'dfs', description: { en: 'Depth-first search' } },
        { id: 'sgd', description: { en: 'Gradient descent' } },
      ],
    },
  };
}
