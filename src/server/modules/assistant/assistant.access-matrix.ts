import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How the assistant's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'assistant',
  // Owner rows, all offline (the demo has no provider): a chat, a quiz answer and an assessed topic of gd-teacher.
  async setup(ctx) {
    const chat = await ctx.inject('gd-teacher', {
      method: 'POST',
      url: '/api/v1/assistant/chat',
      payload: { message: 'AM-assistant-secret 图像识别' },
    });
    const meta = /^event: meta\ndata: (.*)$/m.exec(chat.body);
    if (chat.statusCode !== 200 || !meta) throw new Error(`assistant matrix setup: chat answered ${chat.statusCode}`);
    const conversationId = (JSON.parse(meta[1]) as { conversationId: string }).conversationId;
    const quiz = await ctx.call<{ id: string }>('gd-teacher', 'POST', '/api/v1/assistant/tools', {
      tool: 'quiz',
      input: { gradeBand: 'junior', subject: 'ai', topic: 'AM-quiz-secret', count: 1 },
    });
    const classId = await ctx.classId('gd-demo-school', 'J7-1');
    const topics = await ctx.call<{ items: { id: string }[] }>(
      'gd-teacher',
      'POST',
      `/api/v1/assistant/classes/${classId}/assessed-topics`,
      {
        topic: 'AM-topic-secret',
      },
    );
    return {
      values: {
        providers: ctx.gd.jurisdictionId,
        schools: ctx.gd.schoolId,
        conversations: conversationId,
        messages: quiz.id,
        classes: classId,
        'assessed-topics': topics.items[0].id,
      },
      markers: [conversationId, 'AM-assistant-secret', quiz.id, 'AM-quiz-secret', topics.items[0].id, 'AM-topic-secret'],
    };
  },
  routes: {
    'GET /api/v1/assistant/status': { kind: 'signed-in-self' },
    'GET /api/v1/assistant/providers/:jurisdictionId': { kind: 'scoped' },
    'PUT /api/v1/assistant/providers/:jurisdictionId': { kind: 'scoped' },
    'GET /api/v1/assistant/schools/:schoolId/settings': {
      kind: 'scoped',
      allow: ['gd-student'],
      why: 'students of the school are told whether their teachers may read their tutor conversations',
    },
    'PUT /api/v1/assistant/schools/:schoolId/settings': { kind: 'scoped' },
    'GET /api/v1/assistant/usage': { kind: 'scoped', query: (v) => ({ schoolId: v.schools }) },
    'POST /api/v1/assistant/chat': { kind: 'scoped', body: (v) => ({ message: 'matrix', conversationId: v.conversations }) },
    'POST /api/v1/assistant/tools': {
      kind: 'signed-in-self',
      body: () => ({ tool: 'adapt', input: { text: '机器学习', target: 'zh-Hant-HK' } }),
    },
    'POST /api/v1/assistant/messages/:id/draft': { kind: 'scoped' },
    'GET /api/v1/assistant/messages/:id/qti': { kind: 'scoped' },
    'GET /api/v1/assistant/conversations': { kind: 'signed-in-self' },
    'GET /api/v1/assistant/conversations/:id': { kind: 'scoped' },
    'GET /api/v1/assistant/classes': { kind: 'signed-in-self' },
    'GET /api/v1/assistant/classes/:classId/assessed-topics': { kind: 'scoped' },
    'POST /api/v1/assistant/classes/:classId/assessed-topics': { kind: 'scoped' },
    'DELETE /api/v1/assistant/classes/:classId/assessed-topics/:id': { kind: 'scoped' },
    'GET /api/v1/assistant/classes/:classId/tutor-conversations': { kind: 'scoped' },
  },
};
