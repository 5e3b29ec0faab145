import { sql, type SQL } from 'drizzle-orm';

/**
 * Every school's formula variables for one term, as ONE query: each source is aggregated per school once (a
 * hash aggregate over memberships is what 2,000,000 students cost) and joined to `schools`. Inventory is
 * per term; module data (training, contests, growth, library, network) is read as it stands at recompute
 * time, which is why the history of a term is frozen by recomputing it while it runs.
 * Columns: school_id, jurisdiction_id, authority_path, vars.
 */
export function factsQuery(term: string): SQL {
  return sql`
    select s.id as school_id, s.jurisdiction_id, s.authority_path, jsonb_build_object(
      'schools', 1,
      'students', coalesce(p.students, 0),
      'teachers', coalesce(p.teachers, 0),
      'smart_classrooms', coalesce(r.smart_classrooms, 0),
      'ai_labs', coalesce(r.ai_labs, 0),
      'lab_seats', coalesce(r.lab_seats, 0),
      'teacher_terminals', coalesce(inv.teacher_terminals, 0),
      'student_devices', coalesce(inv.student_devices, 0),
      'bandwidth_mbps', coalesce(inv.bandwidth_mbps, 0),
      'offers_ai_course', case when c.grades > 0 then 1 else 0 end,
      'offers_ai_course_in_school', case when c.in_school > 0 then 1 else 0 end,
      'ai_course_grades', coalesce(c.grades, 0),
      'ai_course_hours', coalesce(c.hours, 0),
      'popularisation_base', case when inv.popularisation_base in ('district', 'city', 'province', 'national') then 1 else 0 end,
      'trained_teachers', coalesce(t.any_tier, 0),
      'trained_principal', coalesce(t.principal, 0),
      'trained_researcher', coalesce(t.researcher, 0),
      'trained_teacher', coalesce(t.teacher, 0),
      'trained_new_teacher', coalesce(t.new_teacher, 0),
      'contest_students', coalesce(ct.students, 0),
      'students_with_evidence', coalesce(g.students, 0),
      'shared_resources', coalesce(lib.shared, 0),
      'sister_pairs', coalesce(np.pairs, 0),
      'cross_border_pairs', coalesce(np.cross_border, 0)
    ) as vars
    from schools s
    left join (
      select school_id,
             count(*) filter (where role = 'student') as students,
             count(*) filter (where role = 'teacher') as teachers
      from memberships where school_id is not null and role in ('student', 'teacher')
      group by school_id
    ) p on p.school_id = s.id
    left join insights_inventories inv on inv.school_id = s.id and inv.term = ${term}
    left join (
      select inventory_id,
             count(*) filter (where kind = 'smart_classroom') as smart_classrooms,
             count(*) filter (where kind = 'ai_lab') as ai_labs,
             coalesce(sum(capacity) filter (where kind = 'ai_lab'), 0) as lab_seats
      from insights_rooms group by inventory_id
    ) r on r.inventory_id = inv.id
    left join (
      select inventory_id,
             count(distinct grade) as grades,
             count(*) filter (where setting = 'in_school') as in_school,
             sum(hours_per_week) as hours
      from insights_course_offers group by inventory_id
    ) c on c.inventory_id = inv.id
    left join (
      select cr.school_id,
             count(distinct cr.user_id) as any_tier,
             count(distinct cr.user_id) filter (where pr.tier = 'principal') as principal,
             count(distinct cr.user_id) filter (where pr.tier = 'researcher') as researcher,
             count(distinct cr.user_id) filter (where pr.tier = 'teacher') as teacher,
             count(distinct cr.user_id) filter (where pr.tier = 'new_teacher') as new_teacher
      from training_credentials cr join training_programmes pr on pr.id = cr.programme_id
      where cr.revoked_at is null and cr.school_id is not null
      group by cr.school_id
    ) t on t.school_id = s.id
    left join (
      select school_id, count(distinct user_id) as students
      from contest_entry_members where role = 'student' and school_id is not null
      group by school_id
    ) ct on ct.school_id = s.id
    left join (
      select school_id, count(distinct student_id) as students
      from growth_evidence where review_status = 'approved' and not withdrawn
      group by school_id
    ) g on g.school_id = s.id
    left join (
      select school_id, count(*) as shared
      from resources where status = 'published' and publish_level in ('bay-area', 'public')
      group by school_id
    ) lib on lib.school_id = s.id
    left join (
      select x.school_id, count(*) as pairs, count(*) filter (where o.jurisdiction_id <> x.jurisdiction_id) as cross_border
      from (
        select np.school_a_id as school_id, np.school_b_id as other_id, sa.jurisdiction_id
        from network_pairs np join schools sa on sa.id = np.school_a_id where np.status = 'active'
        union all
        select np.school_b_id, np.school_a_id, sb.jurisdiction_id
        from network_pairs np join schools sb on sb.id = np.school_b_id where np.status = 'active'
      ) x join schools o on o.id = x.other_id
      group by x.school_id
    ) np on np.school_id = s.id
  `;
}
