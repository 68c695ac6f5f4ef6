-- Takes out of a database every object ormdiff reports as unmanaged (triggers, views, materialized
-- views, partitioned tables with their partitions, routines), so that what is left is exactly the part
-- the model holds. Extension members stay. CASCADE only reaches further unmanaged objects: if it took a
-- modelled one (a default calling a user function), the dump comparison would show it.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT t.tgname, t.tgrelid::regclass AS rel FROM pg_catalog.pg_trigger t
           WHERE NOT t.tgisinternal AND t.tgparentid = 0 LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.rel);
  END LOOP;
  FOR r IN SELECT c.oid, c.relkind FROM pg_catalog.pg_class c
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relkind IN ('v', 'm', 'p')
             AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') LOOP
    -- An earlier CASCADE may have taken it already.
    CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_class WHERE oid = r.oid);
    EXECUTE format('DROP %s %s CASCADE',
                   CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                   r.oid::regclass);
  END LOOP;
  FOR r IN SELECT p.oid FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
             AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_proc WHERE oid = r.oid);
    EXECUTE format('DROP ROUTINE %s CASCADE', r.oid::regprocedure);
  END LOOP;
  -- Schema comments are not modelled either; public keeps the one every new database has.
  FOR r IN SELECT n.nspname FROM pg_catalog.pg_namespace n
           JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass
           WHERE n.nspname <> 'public' LOOP
    EXECUTE format('COMMENT ON SCHEMA %I IS NULL', r.nspname);
  END LOOP;
END $$;
-- Nor are owners: pagila hands public to postgres, which makes pg_dump list the schema.
ALTER SCHEMA public OWNER TO pg_database_owner;
