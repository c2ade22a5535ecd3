-- tables and views of a schema
SELECT t.relname, CASE WHEN t.relkind IN ('v', 'm') THEN 'VIEW' WHEN t.relkind IN ('r', 'p') AND NOT t.relispartition THEN 'TABLE' ELSE 'OTHER' END FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1;

-- primary keys of a schema
SELECT t.relname, k.ord, a.attname FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum WHERE con.contype = 'p' AND n.nspname = ? ORDER BY 1, 2;

-- unique indexes and constraints of a schema
SELECT t.relname, i.relname, k.ord, a.attname, CASE WHEN x.indpred IS NULL THEN 'N' ELSE 'Y' END FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum WHERE x.indisunique AND x.indexprs IS NULL AND k.ord <= x.indnkeyatts AND n.nspname = ? ORDER BY 1, 2, 3;

-- schemas a bare table name is looked up in
SELECT s.nsp FROM unnest(current_schemas(false)) WITH ORDINALITY AS s(nsp, ord) ORDER BY s.ord;

-- computed and identity columns and triggers of a schema's tables
SELECT c.relname, 'G', a.attname, a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> '' UNION ALL SELECT c.relname, 'I', a.attname, a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = 'a' UNION ALL SELECT c.relname, 'T', t.tgname, 0 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY 1, 2, 4, 3;

