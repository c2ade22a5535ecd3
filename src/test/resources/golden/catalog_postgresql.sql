-- generated columns
SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> '' ORDER BY a.attnum;

-- identity ALWAYS columns
SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = 'a' ORDER BY a.attnum;

-- triggers
SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND NOT t.tgisinternal ORDER BY 1;

-- foreign keys of a schema
SELECT cn.nspname, cl.relname, con.conname, k.ord, ca.attname, pn.nspname, pl.relname, pa.attname FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = cl.relnamespace JOIN pg_class pl ON pl.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pl.relnamespace CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(ck, pk, ord) JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = k.ck JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.pk WHERE con.contype = 'f' AND cn.nspname = ? ORDER BY cl.relname, con.conname, k.ord;

