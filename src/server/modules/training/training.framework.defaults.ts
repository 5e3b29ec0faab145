import type { CompetencyLevel } from '../../../shared/api/training.ts';
import type { LocalisedName } from '../../../shared/languages.ts';

/**
 * UNESCO, "AI competency framework for teachers" (2024): five aspects × three progression levels (acquire,
 * deepen, create) = fifteen competency blocks. Names follow UNESCO's English block titles; the Chinese
 * wording is ours (simplified for the mainland, traditional with Hong Kong usage), not an official
 * translation.
 */
const n = (hans: string, hant: string, en: string): LocalisedName => ({ 'zh-Hans': hans, 'zh-Hant': hant, en });

export const UNESCO_FRAMEWORK_CODE = 'unesco-ai-cft-2024';

export const UNESCO_FRAMEWORK: {
  code: string;
  names: LocalisedName;
  aspects: { code: string; names: LocalisedName; blocks: Record<CompetencyLevel, LocalisedName> }[];
} = {
  code: UNESCO_FRAMEWORK_CODE,
  names: n('联合国教科文组织教师人工智能能力框架', '聯合國教科文組織教師人工智能能力框架', 'UNESCO AI competency framework for teachers'),
  aspects: [
    {
      code: 'human-centred-mindset',
      names: n('以人为本的思维', '以人為本的思維', 'Human-centred mindset'),
      blocks: {
        acquire: n('人的能动性', '人的能動性', 'Human agency'),
        deepen: n('人的问责', '人的問責', 'Human accountability'),
        create: n('社会责任', '社會責任', 'Social responsibility'),
      },
    },
    {
      code: 'ethics-of-ai',
      names: n('人工智能伦理', '人工智能倫理', 'Ethics of AI'),
      blocks: {
        acquire: n('伦理原则', '倫理原則', 'Ethical principles'),
        deepen: n('安全与负责任地使用', '安全及負責任地使用', 'Safe and responsible use'),
        create: n('共同制定伦理规则', '共同制訂倫理規則', 'Co-creating ethical rules'),
      },
    },
    {
      code: 'ai-foundations-applications',
      names: n('人工智能基础与应用', '人工智能基礎與應用', 'AI foundations and applications'),
      blocks: {
        acquire: n('人工智能基本技术与应用', '人工智能基本技術與應用', 'Basic AI techniques and applications'),
        deepen: n('应用技能', '應用技能', 'Application skills'),
        create: n('运用人工智能创造', '運用人工智能創造', 'Creating with AI'),
      },
    },
    {
      code: 'ai-pedagogy',
      names: n('人工智能教学法', '人工智能教學法', 'AI pedagogy'),
      blocks: {
        acquire: n('人工智能辅助教学', '人工智能輔助教學', 'AI-assisted teaching'),
        deepen: n('人工智能与教学法融合', '人工智能與教學法融合', 'AI–pedagogy integration'),
        create: n('人工智能赋能的教学变革', '人工智能賦能的教學變革', 'AI-enhanced pedagogical transformation'),
      },
    },
    {
      code: 'ai-professional-development',
      names: n('人工智能促进专业发展', '人工智能促進專業發展', 'AI for professional development'),
      blocks: {
        acquire: n('人工智能助力终身专业学习', '人工智能助力終身專業學習', 'AI enabling lifelong professional learning'),
        deepen: n('人工智能促进组织学习', '人工智能促進組織學習', 'AI to enhance organizational learning'),
        create: n('人工智能支持专业转型', '人工智能支援專業轉型', 'AI to support professional transformation'),
      },
    },
  ],
};
