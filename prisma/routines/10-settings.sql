-- Dashboards run a few large aggregates: JIT compilation costs them more than it saves (100 ms
-- and more per query on these machines), and sorts of string keys spill to disk at the default
-- 4 MB. Both apply to new sessions of this database; an operator can override them per role.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
  EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '32MB');
END
$$;
