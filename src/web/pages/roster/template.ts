import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * Column headers of the plain roster template in each UI language, as docs/api.md accepts them
 * (姓名 / 学号·學號 / 班级·班級 / 角色, or English). A school fills one row per person.
 */
export const TEMPLATE_HEADERS: Record<UiLanguage, readonly string[]> = {
  'zh-Hans': ['姓名', '学号', '班级', '角色'],
  'zh-Hant': ['姓名', '學號', '班級', '角色'],
  en: ['name', 'student_no', 'class', 'role'],
};
