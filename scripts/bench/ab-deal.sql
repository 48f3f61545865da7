-- The cost of dealing an A/B campaign's variants at its start (lib/campaigns/start-campaign.ts,
-- variantColumns): 1M audience rows (1% skipped) written as the start writes them, without variants
-- (the reference) and with a split of 3 (ordered by md5 of campaign and contact, dealt in turn), twice each.
-- psql -h 127.0.0.1 -U postgres -d <scratch database> -f scripts/bench/ab-deal.sql
\timing on
DROP TABLE IF EXISTS ab_a, ab_plain, ab_split;
CREATE TABLE ab_a AS SELECT 'ct_' || md5(i::text) AS contact_id, CASE WHEN i % 100 = 0 THEN 'OPTED_OUT' END AS skip_reason, now() AS send_at
  FROM generate_series(1, 1000000) i;
ANALYZE ab_a;
\echo plain
CREATE TABLE ab_plain AS SELECT a.contact_id, a.skip_reason, a.send_at, NULL::smallint AS variant FROM ab_a a;
\echo split
CREATE TABLE ab_split AS SELECT a.contact_id, a.skip_reason, a.send_at,
    CASE WHEN a.skip_reason IS NULL AND a.pos < round(a.total * 100 / 100.0) THEN (a.pos % 3)::smallint END AS variant
  FROM (SELECT a.*, row_number() OVER (PARTITION BY a.skip_reason IS NULL ORDER BY md5('cmp_bench' || a.contact_id)) - 1 AS pos,
               count(*) OVER (PARTITION BY a.skip_reason IS NULL) AS total FROM ab_a a) a;
DROP TABLE ab_plain, ab_split;
\echo plain
CREATE TABLE ab_plain AS SELECT a.contact_id, a.skip_reason, a.send_at, NULL::smallint AS variant FROM ab_a a;
\echo split
CREATE TABLE ab_split AS SELECT a.contact_id, a.skip_reason, a.send_at,
    CASE WHEN a.skip_reason IS NULL AND a.pos < round(a.total * 100 / 100.0) THEN (a.pos % 3)::smallint END AS variant
  FROM (SELECT a.*, row_number() OVER (PARTITION BY a.skip_reason IS NULL ORDER BY md5('cmp_bench' || a.contact_id)) - 1 AS pos,
               count(*) OVER (PARTITION BY a.skip_reason IS NULL) AS total FROM ab_a a) a;
SELECT variant, count(*) FROM ab_split GROUP BY 1 ORDER BY 1;
DROP TABLE ab_a, ab_plain, ab_split;
