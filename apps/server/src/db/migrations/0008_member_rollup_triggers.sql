-- The member-structure rollup (modules/stats/stats.schema.ts): statement triggers append the
-- change of every write to `member_stat_deltas`; zhibu_fold_member_stat_deltas() adds pending
-- changes up the tree into `member_rollups`. Advisory lock 7223001 serialises folds, rebuilds and
-- org moves (the only writers of member_rollups), never the writers of members.

-- The (dimension, key) pairs one member in the register adds to the counts ('' = not recorded).
CREATE OR REPLACE FUNCTION zhibu_member_stat_keys(
  status text, gender text, birth_date date, education text, ethnicity text, category text
) RETURNS TABLE (dimension text, key text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('status', status), ('gender', gender), ('birthMonth', to_char(birth_date, 'YYYY-MM')),
    ('education', coalesce(left(education, 1) || '0', '')), ('ethnicity', coalesce(ethnicity, '')),
    ('category', coalesce(category, ''))
$$;
--> statement-breakpoint
-- '/1/6u/ab/' → '/1/', '/1/6u/', '/1/6u/ab/': the paths of an org and of all its ancestors.
CREATE OR REPLACE FUNCTION zhibu_path_prefixes(path text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT left(path, i) FROM generate_series(2, length(path)) AS i WHERE substr(path, i, 1) = '/'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zhibu_member_stat_deltas() RETURNS trigger AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows' END;
BEGIN
  -- Waits for a concurrent change of these orgs' category to commit, so that the category read
  -- below is the one the orgs trigger's recount sees (else a member could stay counted under the
  -- old category). Member writes share this lock; only category edits take it exclusively.
  EXECUTE format('SELECT 1 FROM orgs WHERE id IN (SELECT org_id FROM (%s) AS c) FOR SHARE', changed);
  EXECUTE format($q$
    INSERT INTO member_stat_deltas (org_id, dimension, key, n)
    SELECT c.org_id, k.dimension, k.key, sum(c.sign)::int
    FROM (%s) AS c
    JOIN orgs o ON o.id = c.org_id
    CROSS JOIN LATERAL zhibu_member_stat_keys(c.status, c.gender, c.birth_date, c.education, c.ethnicity, o.category) AS k
    WHERE c.left_on IS NULL
    GROUP BY 1, 2, 3
    HAVING sum(c.sign) <> 0 $q$, changed);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER members_stat_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zhibu_member_stat_deltas();
--> statement-breakpoint
-- (Transition tables rule out a column list: a move's org_path rewrite passes through here too, and
-- its +1/−1 pairs cancel in the HAVING.)
CREATE TRIGGER members_stat_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zhibu_member_stat_deltas();
--> statement-breakpoint
CREATE TRIGGER members_stat_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION zhibu_member_stat_deltas();
--> statement-breakpoint
-- An org's category is a dimension of its members.
CREATE OR REPLACE FUNCTION zhibu_org_category_deltas() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.category IS DISTINCT FROM n.category) THEN
    RETURN NULL;
  END IF;
  INSERT INTO member_stat_deltas (org_id, dimension, key, n)
  SELECT c.org_id, 'category', c.key, sum(c.n)::int
  FROM (
    SELECT m.org_id, n.category AS key, 1 AS n FROM new_rows n JOIN members m ON m.org_id = n.id AND m.left_on IS NULL
    UNION ALL
    SELECT m.org_id, o.category, -1 FROM old_rows o JOIN members m ON m.org_id = o.id AND m.left_on IS NULL
  ) AS c
  GROUP BY 1, 2, 3
  HAVING sum(c.n) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_category_stat_update AFTER UPDATE ON orgs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zhibu_org_category_deltas();
--> statement-breakpoint
-- Adds the pending changes to every ancestor's rollup and removes them, in one statement (so one
-- snapshot: a change is either still pending or folded for every reader). Returns the number of
-- rollup rows written, or -1 when another session is folding (its readers add pending rows anyway).
CREATE OR REPLACE FUNCTION zhibu_fold_member_stat_deltas() RETURNS integer AS $$
DECLARE
  written integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7223001) THEN
    RETURN -1;
  END IF;
  WITH gone AS (
    DELETE FROM member_stat_deltas RETURNING org_id, dimension, key, n
  ), own AS (
    SELECT org_id, dimension, key, sum(n) AS n FROM gone GROUP BY 1, 2, 3
  )
  INSERT INTO member_rollups AS r (org_id, dimension, key, n)
  SELECT a.id, own.dimension, own.key, sum(own.n)::int
  FROM own
  JOIN orgs o ON o.id = own.org_id
  CROSS JOIN LATERAL zhibu_path_prefixes(o.path) AS p(prefix)
  JOIN orgs a ON a.path = p.prefix
  GROUP BY 1, 2, 3
  HAVING sum(own.n) <> 0
  ON CONFLICT (org_id, dimension, key) DO UPDATE SET n = r.n + excluded.n;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts every rollup from the register (repair, and the first fill below). Holds off writers of
-- members while it runs, so no change is counted twice or lost.
CREATE OR REPLACE FUNCTION zhibu_rebuild_member_rollups() RETURNS void AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7223001);
  LOCK TABLE members IN SHARE MODE;
  DELETE FROM member_stat_deltas;
  DELETE FROM member_rollups;
  WITH own AS (
    SELECT m.org_id, k.dimension, k.key, count(*) AS n
    FROM members m
    JOIN orgs o ON o.id = m.org_id
    CROSS JOIN LATERAL zhibu_member_stat_keys(m.status, m.gender, m.birth_date, m.education, m.ethnicity, o.category) AS k
    WHERE m.left_on IS NULL
    GROUP BY 1, 2, 3
  )
  INSERT INTO member_rollups (org_id, dimension, key, n)
  SELECT a.id, own.dimension, own.key, sum(own.n)::int
  FROM own
  JOIN orgs o ON o.id = own.org_id
  CROSS JOIN LATERAL zhibu_path_prefixes(o.path) AS p(prefix)
  JOIN orgs a ON a.path = p.prefix
  GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Moving a subtree: its counts leave the ancestors it had and join the ones it gets. Pending
-- changes inside it are not in any ancestor yet; the next fold adds them under the new paths.
CREATE OR REPLACE FUNCTION zhibu_move_member_rollups(subtree_org bigint, old_parent_path text, new_parent_path text)
RETURNS void AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7223001);
  INSERT INTO member_rollups AS r (org_id, dimension, key, n)
  SELECT a.id, s.dimension, s.key, sum(s.n * w.sign)::int
  FROM member_rollups s
  CROSS JOIN (
    SELECT p, -1 FROM zhibu_path_prefixes(old_parent_path) AS p
    UNION ALL
    SELECT p, 1 FROM zhibu_path_prefixes(new_parent_path) AS p
  ) AS w(prefix, sign)
  JOIN orgs a ON a.path = w.prefix
  WHERE s.org_id = subtree_org
  GROUP BY 1, 2, 3
  HAVING sum(s.n * w.sign) <> 0
  ON CONFLICT (org_id, dimension, key) DO UPDATE SET n = r.n + excluded.n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT zhibu_rebuild_member_rollups();
