import type { GrowthDimension, GrowthIndicator } from '../../../shared/api/growth.ts';
import type { LocalisedName } from '../../../shared/languages.ts';

/**
 * The frameworks every jurisdiction starts with; its bureau edits them from there (a new version each
 * time). Wording follows the public evaluation guidelines in outline only — the bureaus own the detail.
 */

const ind = (key: string, names: LocalisedName, descriptions: LocalisedName): GrowthIndicator => ({ key, names, descriptions });
const n = (hans: string, hant: string, en: string): LocalisedName => ({ 'zh-Hans': hans, 'zh-Hant': hant, en });

/** The mainland five (思想品德、学业水平、身心健康、艺术素养、劳动与社会实践 — 德智体美劳), for GD and HB. */
export const MAINLAND_FRAMEWORK: { names: LocalisedName; dimensions: GrowthDimension[] } = {
  names: n('学生综合素质评价', '學生綜合素質評價', 'Comprehensive quality evaluation'),
  dimensions: [
    {
      key: 'moral',
      domain: 'de',
      names: n('思想品德', '思想品德', 'Moral character'),
      descriptions: n(
        '理想信念、公民素养、诚信友善等方面的表现。',
        '理想信念、公民素養、誠信友善等方面的表現。',
        'Ideals, civic literacy, honesty and kindness.',
      ),
      indicators: [
        ind(
          'civic',
          n('公民素养', '公民素養', 'Civic literacy'),
          n('遵纪守法、参与班级与学校事务。', '遵紀守法、參與班級與學校事務。', 'Keeping rules; taking part in class and school affairs.'),
        ),
        ind(
          'integrity',
          n('诚信友善', '誠信友善', 'Honesty and kindness'),
          n('诚实守信，关心他人。', '誠實守信，關心他人。', 'Being honest and caring for others.'),
        ),
      ],
    },
    {
      key: 'academic',
      domain: 'zhi',
      names: n('学业水平', '學業水平', 'Academic achievement'),
      descriptions: n(
        '学业成绩、研究性学习与创新实践。',
        '學業成績、研究性學習與創新實踐。',
        'Course results, inquiry learning and innovation.',
      ),
      indicators: [
        ind('results', n('学业成绩', '學業成績', 'Course results'), n('各学科学习情况。', '各學科學習情況。', 'Learning in each subject.')),
        ind(
          'inquiry',
          n('研究性学习', '研究性學習', 'Inquiry learning'),
          n('课题研究与项目学习成果。', '課題研究與專題研習成果。', 'Research and project learning.'),
        ),
        ind(
          'innovation',
          n('创新实践', '創新實踐', 'Innovation'),
          n('科技创新、人工智能等实践活动。', '科技創新、人工智能等實踐活動。', 'Science, technology and AI activities.'),
        ),
      ],
    },
    {
      key: 'health',
      domain: 'ti',
      names: n('身心健康', '身心健康', 'Physical and mental health'),
      descriptions: n('体质健康、体育锻炼与心理素质。', '體質健康、體育鍛煉與心理素質。', 'Fitness, sport and mental well-being.'),
      indicators: [
        ind(
          'fitness',
          n('体质健康', '體質健康', 'Fitness'),
          n('体质健康测试与日常锻炼。', '體質健康測試與日常鍛煉。', 'Fitness tests and daily exercise.'),
        ),
        ind('sport', n('体育运动', '體育運動', 'Sport'), n('运动项目与比赛。', '運動項目與比賽。', 'Sports and competitions.')),
        ind(
          'wellbeing',
          n('心理素质', '心理素質', 'Well-being'),
          n('情绪调节与人际交往。', '情緒調節與人際交往。', 'Handling feelings and relationships.'),
        ),
      ],
    },
    {
      key: 'arts',
      domain: 'mei',
      names: n('艺术素养', '藝術素養', 'Arts'),
      descriptions: n('艺术课程学习与艺术活动。', '藝術課程學習與藝術活動。', 'Arts lessons and arts activities.'),
      indicators: [
        ind(
          'arts_courses',
          n('艺术课程', '藝術課程', 'Arts lessons'),
          n('音乐、美术等课程学习。', '音樂、美術等課程學習。', 'Music, visual arts and other lessons.'),
        ),
        ind(
          'arts_activities',
          n('艺术活动', '藝術活動', 'Arts activities'),
          n('演出、展览与艺术社团。', '演出、展覽與藝術社團。', 'Performances, exhibitions and clubs.'),
        ),
      ],
    },
    {
      key: 'labour',
      domain: 'lao',
      names: n('劳动与社会实践', '勞動與社會實踐', 'Labour and social practice'),
      descriptions: n('劳动实践、社会实践与志愿服务。', '勞動實踐、社會實踐與志願服務。', 'Labour, social practice and volunteering.'),
      indicators: [
        ind(
          'labour',
          n('劳动实践', '勞動實踐', 'Labour'),
          n('家务、校园与生产劳动。', '家務、校園與生產勞動。', 'Chores, school duties and work experience.'),
        ),
        ind(
          'social_practice',
          n('社会实践', '社會實踐', 'Social practice'),
          n('参观考察、职业体验等。', '參觀考察、職業體驗等。', 'Field visits and career taster days.'),
        ),
        ind(
          'volunteering',
          n('志愿服务', '志願服務', 'Volunteering'),
          n('社区与公益志愿服务。', '社區與公益志願服務。', 'Community and charity volunteering.'),
        ),
      ],
    },
  ],
};

/**
 * A student learning profile for Hong Kong and Macao: the five "Other Learning Experiences" areas of
 * the HK senior secondary curriculum, plus academic development.
 */
export const HK_MO_FRAMEWORK: { names: LocalisedName; dimensions: GrowthDimension[] } = {
  names: n('学生学习概览', '學生學習概覽', 'Student learning profile'),
  dimensions: [
    {
      key: 'academic',
      domain: 'zhi',
      names: n('学业发展', '學業發展', 'Academic development'),
      descriptions: n('各学科学习与专题研习。', '各學科學習與專題研習。', 'Subject learning and projects.'),
      indicators: [
        ind('subjects', n('学科学习', '學科學習', 'Subject learning'), n('各科学习表现。', '各科學習表現。', 'Performance in subjects.')),
        ind(
          'projects',
          n('专题研习', '專題研習', 'Project learning'),
          n('跨学科专题与STEAM研习。', '跨學科專題與STEAM研習。', 'Cross-curricular and STEAM projects.'),
        ),
      ],
    },
    {
      key: 'moral_civic',
      domain: 'de',
      names: n('德育及公民教育', '德育及公民教育', 'Moral and civic education'),
      descriptions: n('品德、公民及国民教育活动。', '品德、公民及國民教育活動。', 'Values, civic and national education.'),
      indicators: [
        ind(
          'values',
          n('价值观', '價值觀', 'Values'),
          n('坚毅、尊重他人、责任感等。', '堅毅、尊重他人、責任感等。', 'Perseverance, respect, responsibility.'),
        ),
      ],
    },
    {
      key: 'community_service',
      domain: 'lao',
      names: n('社会服务', '社會服務', 'Community service'),
      descriptions: n('义工及社区服务。', '義工及社區服務。', 'Volunteer and community service.'),
      indicators: [
        ind(
          'volunteering',
          n('义工服务', '義工服務', 'Volunteering'),
          n('校内外义工服务时数与反思。', '校內外義工服務時數與反思。', 'Volunteer hours and reflection.'),
        ),
      ],
    },
    {
      key: 'career',
      domain: null,
      names: n('与工作有关的经验', '與工作有關的經驗', 'Career-related experiences'),
      descriptions: n('职业探索与工作体验。', '職業探索與工作體驗。', 'Career exploration and work experience.'),
      indicators: [
        ind(
          'work_experience',
          n('工作体验', '工作體驗', 'Work experience'),
          n('参观、实习与职业讲座。', '參觀、實習與職業講座。', 'Visits, placements and career talks.'),
        ),
      ],
    },
    {
      key: 'aesthetic',
      domain: 'mei',
      names: n('艺术发展', '藝術發展', 'Aesthetic development'),
      descriptions: n('艺术欣赏与创作。', '藝術欣賞與創作。', 'Appreciating and making art.'),
      indicators: [
        ind(
          'arts',
          n('艺术活动', '藝術活動', 'Arts activities'),
          n('音乐、视觉艺术、戏剧等。', '音樂、視覺藝術、戲劇等。', 'Music, visual arts, drama.'),
        ),
      ],
    },
    {
      key: 'physical',
      domain: 'ti',
      names: n('体育发展', '體育發展', 'Physical development'),
      descriptions: n('体育活动与健康生活。', '體育活動與健康生活。', 'Sport and healthy living.'),
      indicators: [
        ind(
          'sport',
          n('体育活动', '體育活動', 'Sport'),
          n('校队、比赛及恒常运动。', '校隊、比賽及恆常運動。', 'School teams, competitions, regular exercise.'),
        ),
      ],
    },
  ],
};

/** Which default a jurisdiction starts with. */
export function defaultFrameworkFor(jurisdictionCode: string) {
  return jurisdictionCode === 'HK' || jurisdictionCode === 'MO' ? HK_MO_FRAMEWORK : MAINLAND_FRAMEWORK;
}

/** Default xAPI mapping rules (ADL verbs): any completed course counts as academic, etc. */
export function defaultXapiRules(jurisdictionCode: string) {
  const hk = jurisdictionCode === 'HK' || jurisdictionCode === 'MO';
  return [
    {
      verbId: 'http://adlnet.gov/expapi/verbs/completed',
      activityType: 'http://adlnet.gov/expapi/activities/course',
      dimensionKey: 'academic',
      indicatorKey: hk ? 'subjects' : 'results',
    },
    {
      verbId: 'http://adlnet.gov/expapi/verbs/passed',
      activityType: 'http://adlnet.gov/expapi/activities/assessment',
      dimensionKey: 'academic',
      indicatorKey: hk ? 'subjects' : 'results',
    },
    {
      verbId: 'http://adlnet.gov/expapi/verbs/completed',
      activityType: 'http://id.tincanapi.com/activitytype/project',
      dimensionKey: 'academic',
      indicatorKey: hk ? 'projects' : 'inquiry',
    },
  ];
}
