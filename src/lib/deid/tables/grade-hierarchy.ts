import { treeHierarchy, type Hierarchy } from './hierarchy.ts';

/** Stage labels used by {@link gradeHierarchy}; override for display in another language. */
export interface StageLabels {
  primary: string;
  junior: string;
  senior: string;
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Grade → stage (primary / junior secondary / senior secondary) → *, covering the grade names used in
 * mainland China (一年级…六年级, 七年级/初一…, 高一…), Hong Kong (P1–P6, S1–S6, 小一…中六) and Macao
 * (小一…小六, 初一…初三, 高一…高三), in simplified and traditional script and in English ("Grade 7").
 * @example gradeHierarchy() // lcaOf('初一','S3') → 'junior'
 */
export function gradeHierarchy(labels: StageLabels = { primary: 'primary', junior: 'junior', senior: 'senior' }): Hierarchy {
  const primary: string[] = [];
  const junior: string[] = [];
  const senior: string[] = [];
  for (let g = 1; g <= 6; g++) {
    const c = CN_NUM[g - 1];
    primary.push(`${c}年级`, `${c}年級`, `小${c}`, `P${g}`, `Primary ${g}`, `Grade ${g}`);
  }
  for (let g = 1; g <= 3; g++) {
    const c = CN_NUM[g - 1];
    const c7 = CN_NUM[g + 5];
    junior.push(`${c7}年级`, `${c7}年級`, `初${c}`, `中${c}`, `S${g}`, `Secondary ${g}`, `Grade ${g + 6}`);
    senior.push(`高${c}`, `中${CN_NUM[g + 2]}`, `S${g + 3}`, `Secondary ${g + 3}`, `Grade ${g + 9}`);
  }
  return treeHierarchy({ [labels.primary]: primary, [labels.junior]: junior, [labels.senior]: senior });
}
