import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each employee as the API shows it, kept as JSON text in the employee's own row (`view_json`), so
 * that a page of employees is 21 rows of one index walk and three columns, sent as PostgreSQL stores
 * them. Before, each page looked up the position and both units of every row (63 index lookups) and
 * the service turned 27 columns of 21 rows into objects and back into JSON: half of the page's CPU,
 * PostgreSQL's and personnel's together (docs/benchmarks.md, "2026-12-06 (evening)").
 *
 * The text is written by PostgreSQL itself, so that no write path can forget it:
 * - `employee_view_json_insert` and `employee_view_json_refresh`, before an employee is inserted or
 *   a column the text shows is changed, write it from the row and the position and units it names;
 * - `position_employee_view_json` and `org_unit_employee_view_json`, after a change of what the text
 *   shows of a position (code, name, kind, jenjang, kelas) or of a unit (code, name, head position),
 *   update its holders or members, which runs the first trigger for each of them.
 * It is the same object as toEmployeeView() (employee.read-model.ts) makes from employeeSelect's
 * columns, which the single-employee reads and the lists as of a past date still use;
 * apps/personnel/test/list-query-plans.int-spec.ts compares the two for every demo employee, and
 * personnel_pangkat with pangkatOf for every golongan.
 *
 * Dates are written with to_char, so the text does not depend on the session's DateStyle. Filling
 * the column for the existing employees takes about a second per 10,000.
 */
export class EmployeeViewJson1765800000000 implements MigrationInterface {
  name = 'EmployeeViewJson1765800000000';

  async up(q: QueryRunner): Promise<void> {
    // PP 99/2000; PPPK golongan have no pangkat.
    await q.query(`CREATE FUNCTION personnel_pangkat(p_golongan text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
      SELECT CASE p_golongan
        WHEN 'I/a' THEN 'Juru Muda' WHEN 'I/b' THEN 'Juru Muda Tingkat I' WHEN 'I/c' THEN 'Juru' WHEN 'I/d' THEN 'Juru Tingkat I'
        WHEN 'II/a' THEN 'Pengatur Muda' WHEN 'II/b' THEN 'Pengatur Muda Tingkat I' WHEN 'II/c' THEN 'Pengatur' WHEN 'II/d' THEN 'Pengatur Tingkat I'
        WHEN 'III/a' THEN 'Penata Muda' WHEN 'III/b' THEN 'Penata Muda Tingkat I' WHEN 'III/c' THEN 'Penata' WHEN 'III/d' THEN 'Penata Tingkat I'
        WHEN 'IV/a' THEN 'Pembina' WHEN 'IV/b' THEN 'Pembina Tingkat I' WHEN 'IV/c' THEN 'Pembina Utama Muda' WHEN 'IV/d' THEN 'Pembina Utama Madya'
        WHEN 'IV/e' THEN 'Pembina Utama'
      END
    $fn$`);
    await q.query(`ALTER TABLE employee ADD COLUMN view_json json`);
    // The shape of the JSON, as composite types: row_to_json writes a row of a type as an object with
    // its attributes' names as keys, in order, compactly. A plpgsql trigger with one lookup per table
    // writes an employee's text in about 18 µs (a single SQL function with joins took 27).
    await q.query(`CREATE TYPE personnel_view_position AS (id uuid, code text, name text, "jenisJabatan" text, jenjang text, "kelasJabatan" smallint)`);
    await q.query(`CREATE TYPE personnel_view_unit AS (id uuid, code text, name text)`);
    await q.query(`CREATE TYPE personnel_view_override AS ("supervisorId" uuid, reason text)`);
    await q.query(`CREATE TYPE personnel_view_employee AS (
      id uuid, nip text, name text, "jenisAsn" text, sex text, "birthDate" text, golongan text, pangkat text, status text, email text,
      "tmtJabatan" text, "position" personnel_view_position, unit personnel_view_unit, opd personnel_view_unit, "opdHead" boolean,
      "unitHead" boolean, "supervisorOverride" personnel_view_override, "accountStatus" text)`);
    await q.query(`CREATE FUNCTION personnel_employee_view_json_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        p "position";
        u org_unit;
        o org_unit;
      BEGIN
        SELECT * INTO p FROM "position" x WHERE x.id = NEW.position_id;
        SELECT * INTO u FROM org_unit x WHERE x.id = NEW.unit_id;
        SELECT * INTO o FROM org_unit x WHERE x.id = NEW.opd_id;
        NEW.view_json := row_to_json(ROW(
          NEW.id, NEW.nip, NEW.name, NEW.jenis_asn, NEW.sex, to_char(NEW.birth_date, 'YYYY-MM-DD'), NEW.golongan, personnel_pangkat(NEW.golongan),
          NEW.status, NEW.email, to_char(NEW.tmt_jabatan, 'YYYY-MM-DD'),
          CASE WHEN p.id IS NOT NULL THEN ROW(p.id, p.code, p.name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan)::personnel_view_position END,
          CASE WHEN u.id IS NOT NULL THEN ROW(u.id, u.code, u.name)::personnel_view_unit END,
          CASE WHEN o.id IS NOT NULL THEN ROW(o.id, o.code, o.name)::personnel_view_unit END,
          coalesce(o.head_position_id = p.id, false),
          coalesce(u.head_position_id = p.id, false),
          CASE WHEN NEW.supervisor_override_id IS NOT NULL THEN ROW(NEW.supervisor_override_id, NEW.supervisor_override_reason)::personnel_view_override END,
          NEW.account_status
        )::personnel_view_employee);
        RETURN NEW;
      END
    $fn$`);
    await q.query(`CREATE TRIGGER employee_view_json_insert BEFORE INSERT ON employee
      FOR EACH ROW EXECUTE FUNCTION personnel_employee_view_json_refresh()`);
    // Only when a column the text shows changes, or view_json is set to NULL (the triggers below):
    // the import's bookkeeping updates (valid_from) do not pay for it.
    await q.query(`CREATE TRIGGER employee_view_json_refresh BEFORE UPDATE ON employee FOR EACH ROW
      WHEN (NEW.view_json IS NULL
        OR (OLD.nip, OLD.name, OLD.jenis_asn, OLD.sex, OLD.birth_date, OLD.golongan, OLD.status, OLD.email, OLD.tmt_jabatan, OLD.position_id,
            OLD.unit_id, OLD.opd_id, OLD.supervisor_override_id, OLD.supervisor_override_reason, OLD.account_status)
           IS DISTINCT FROM
           (NEW.nip, NEW.name, NEW.jenis_asn, NEW.sex, NEW.birth_date, NEW.golongan, NEW.status, NEW.email, NEW.tmt_jabatan, NEW.position_id,
            NEW.unit_id, NEW.opd_id, NEW.supervisor_override_id, NEW.supervisor_override_reason, NEW.account_status))
      EXECUTE FUNCTION personnel_employee_view_json_refresh()`);
    // Setting view_json (to anything) runs the trigger above, which writes it anew.
    await q.query(`CREATE FUNCTION personnel_position_employee_view_json() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE employee SET view_json = NULL WHERE position_id = NEW.id;
        RETURN NULL;
      END
    $fn$`);
    await q.query(`CREATE TRIGGER position_employee_view_json AFTER UPDATE ON "position" FOR EACH ROW
      WHEN ((OLD.code, OLD.name, OLD.jenis_jabatan, OLD.jenjang, OLD.kelas_jabatan) IS DISTINCT FROM (NEW.code, NEW.name, NEW.jenis_jabatan, NEW.jenjang, NEW.kelas_jabatan))
      EXECUTE FUNCTION personnel_position_employee_view_json()`);
    await q.query(`CREATE FUNCTION personnel_org_unit_employee_view_json() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE employee SET view_json = NULL WHERE unit_id = NEW.id;
        UPDATE employee SET view_json = NULL WHERE opd_id = NEW.id;
        RETURN NULL;
      END
    $fn$`);
    await q.query(`CREATE TRIGGER org_unit_employee_view_json AFTER UPDATE ON org_unit FOR EACH ROW
      WHEN ((OLD.code, OLD.name, OLD.head_position_id) IS DISTINCT FROM (NEW.code, NEW.name, NEW.head_position_id))
      EXECUTE FUNCTION personnel_org_unit_employee_view_json()`);
    await q.query(`UPDATE employee SET view_json = NULL`);
    await q.query(`ALTER TABLE employee ALTER COLUMN view_json SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS org_unit_employee_view_json ON org_unit`);
    await q.query(`DROP TRIGGER IF EXISTS position_employee_view_json ON "position"`);
    await q.query(`DROP TRIGGER IF EXISTS employee_view_json_refresh ON employee`);
    await q.query(`DROP TRIGGER IF EXISTS employee_view_json_insert ON employee`);
    await q.query(`DROP FUNCTION IF EXISTS personnel_org_unit_employee_view_json()`);
    await q.query(`DROP FUNCTION IF EXISTS personnel_position_employee_view_json()`);
    await q.query(`DROP FUNCTION IF EXISTS personnel_employee_view_json_refresh()`);
    await q.query(`DROP TYPE IF EXISTS personnel_view_employee`);
    await q.query(`DROP TYPE IF EXISTS personnel_view_override`);
    await q.query(`DROP TYPE IF EXISTS personnel_view_unit`);
    await q.query(`DROP TYPE IF EXISTS personnel_view_position`);
    await q.query(`ALTER TABLE employee DROP COLUMN IF EXISTS view_json`);
    await q.query(`DROP FUNCTION IF EXISTS personnel_pangkat(text)`);
  }
}
