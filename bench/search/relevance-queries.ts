/**
 * Judged queries: what a teacher types, and which topics they want, graded 0–3:
 *   3 = exactly the lesson they are looking for; 2 = a closely related lesson they would gladly use;
 *   1 = related, might help; 0 (unlisted) = not what they want.
 * A lesson in another language than the query (English vs Chinese) counts at most 1: useful to a
 * bilingual teacher, but not what was asked for. Written from the topic list, before running the ranker.
 *
 * Kinds: `chinese` (a Chinese query whose words are the same in both regions; its hits in the query's own
 * script and in the other script are scored separately as same-script and cross-script), `variant` (the
 * query uses one region's word and the lessons of the other region use another: 影片 / 视频),
 * `english`, `typo` (one wrong character).
 */
export type QueryKind = 'chinese' | 'variant' | 'english' | 'typo';
export interface JudgedQuery {
  q: string;
  kind: QueryKind;
  want: Record<string, 1 | 2 | 3>;
}

const robot = { 'robot-line': 3, 'robot-competition': 2, servo: 1 } as const;
const ml = { 'ml-intro': 3, 'neural-network': 2, 'deep-learning': 2, 'image-recognition': 1 } as const;
const ethics = { 'ai-ethics': 3, privacy: 1 } as const;
const sorting = { sorting: 3, 'algorithm-daily': 1 } as const;
const programming = { python: 3, debugging: 1, scratch: 1 } as const;
const videoEditing = { 'video-editing': 3, 'science-video': 2 } as const;
const video = { 'video-editing': 3, 'science-video': 3, 'video-conference': 2 } as const;
const security = { 'info-security': 3, privacy: 2, 'digital-literacy': 1 } as const;
const privacy = { privacy: 3, 'info-security': 2 } as const;
const sensors = { 'arduino-sensor': 3, 'robot-line': 2, servo: 1 } as const;
const vr = { vr: 3, ar: 2 } as const;
const neural = { 'neural-network': 3, 'deep-learning': 2, 'ml-intro': 2 } as const;
const ct = { 'computational-thinking': 3, 'algorithm-daily': 2 } as const;

export const QUERIES: JudgedQuery[] = [
  // Chinese, same words in both regions (scored per script: same-script and cross-script hits).
  { q: '人工智能伦理', kind: 'chinese', want: ethics },
  { q: '人工智能倫理', kind: 'chinese', want: ethics },
  { q: '机器学习', kind: 'chinese', want: ml },
  { q: '機器學習', kind: 'chinese', want: ml },
  { q: '排序', kind: 'chinese', want: sorting },
  { q: '电脑硬件', kind: 'chinese', want: { hardware: 3, binary: 1 } },
  { q: '電腦硬件', kind: 'chinese', want: { hardware: 3, binary: 1 } },
  { q: '3D打印', kind: 'chinese', want: { '3d-printing': 3, 'laser-cutting': 1 } },
  { q: '神经网络', kind: 'chinese', want: neural },
  { q: '概率', kind: 'chinese', want: { probability: 3, 'big-data': 1 } },
  { q: '数据库', kind: 'chinese', want: { database: 3, 'big-data': 1, spreadsheet: 1 } },
  { q: '二維碼', kind: 'chinese', want: { 'qr-code': 3 } },
  { q: '語音識別', kind: 'chinese', want: { 'speech-recognition': 3, chatbot: 1 } },
  { q: '图像识别', kind: 'chinese', want: { 'image-recognition': 3, 'ml-intro': 1, 'deep-learning': 1 } },
  { q: '大數據', kind: 'chinese', want: { 'big-data': 3, spreadsheet: 1, database: 1 } },
  { q: '健康饮食', kind: 'chinese', want: { nutrition: 3 } },
  { q: '跳繩', kind: 'chinese', want: { 'rope-skipping': 3 } },
  { q: '塑料污染', kind: 'chinese', want: { plastic: 3 } },

  // One region's word, the other region's lessons.
  { q: '机器人编程', kind: 'variant', want: robot },
  { q: '機械人編程', kind: 'variant', want: robot },
  { q: '排序演算法', kind: 'variant', want: sorting },
  { q: '程序设计', kind: 'variant', want: programming },
  { q: '程式設計', kind: 'variant', want: programming },
  { q: '视频剪辑', kind: 'variant', want: videoEditing },
  { q: '影片剪接', kind: 'variant', want: videoEditing },
  { q: '视频', kind: 'variant', want: video },
  { q: '影片', kind: 'variant', want: video },
  { q: '软件安装', kind: 'variant', want: { 'software-install': 3 } },
  { q: '信息安全', kind: 'variant', want: security },
  { q: '資訊保安', kind: 'variant', want: security },
  { q: '个人信息保护', kind: 'variant', want: privacy },
  { q: '個人資料私隱', kind: 'variant', want: privacy },
  { q: '传感器', kind: 'variant', want: sensors },
  { q: '感應器', kind: 'variant', want: sensors },
  { q: '乘數表', kind: 'variant', want: { multiplication: 3 } },
  { q: '激光切割', kind: 'variant', want: { 'laser-cutting': 3, '3d-printing': 1 } },
  { q: '虛擬實境', kind: 'variant', want: vr },
  { q: '专题研习', kind: 'variant', want: { 'project-learning': 3 } },
  { q: '運算思維', kind: 'variant', want: ct },
  { q: '教学质量', kind: 'variant', want: { 'teaching-quality': 3 } },
  { q: '校巴安全', kind: 'variant', want: { 'school-bus': 3, bicycle: 1 } },
  { q: '数字素养', kind: 'variant', want: { 'digital-literacy': 3, privacy: 1, 'info-security': 1 } },
  { q: '维他命', kind: 'variant', want: { nutrition: 3 } },
  { q: '課室常規', kind: 'variant', want: { 'classroom-routines': 3 } },
  { q: '聊天機械人', kind: 'variant', want: { chatbot: 3, 'ml-intro': 1 } },

  // English.
  { q: 'robot programming', kind: 'english', want: robot },
  { q: 'machine learning', kind: 'english', want: ml },
  { q: 'sorting algorithms', kind: 'english', want: sorting },
  { q: 'python loops', kind: 'english', want: { python: 3 } },
  { q: 'fake news', kind: 'english', want: { 'digital-literacy': 3 } },
  { q: 'temperature sensor', kind: 'english', want: { 'arduino-sensor': 3, 'robot-line': 1 } },
  { q: 'plastic pollution', kind: 'english', want: { plastic: 3 } },
  { q: 'binary numbers', kind: 'english', want: { binary: 3 } },
  { q: 'neural networks', kind: 'english', want: neural },
  { q: 'computational thinking', kind: 'english', want: ct },
  { q: 'reading strategies', kind: 'english', want: { reading: 3 } },
  { q: 'dice probability', kind: 'english', want: { probability: 3 } },

  // One wrong character.
  { q: '机器学系', kind: 'typo', want: ml },
  { q: '人工智能轮理', kind: 'typo', want: ethics },
  { q: '排序算发', kind: 'typo', want: sorting },
  { q: '虚拟现时', kind: 'typo', want: vr },
  { q: '计算思微', kind: 'typo', want: ct },
  { q: '神经网洛', kind: 'typo', want: neural },
  { q: '機器學羽', kind: 'typo', want: ml },
  { q: '乘法口决', kind: 'typo', want: { multiplication: 3 } },
  { q: '传感气', kind: 'typo', want: sensors },
  { q: '数据厍', kind: 'typo', want: { database: 3, 'big-data': 1, spreadsheet: 1 } },
];
