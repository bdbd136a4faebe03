-- The 25 Annex A indicators of DEFINITIONS.md (v1.1), in DuckDB SQL, as an independent check on
-- Trellis's engine. The harness (AnnexADuckDb.cs) first creates:
--   bank_holidays(d DATE)                        England and Wales bank holidays
--   raw_l1 .. raw_l10 (rn, <aliases> VARCHAR)     each list's CSV as read by read_csv, all text,
--                                                rn = the row's order in the file
-- and replaces {{R}}, {{S}} (window start, exclusive) and {{P}} (population or NULL) below.
-- Result: table results(ind, grp, n, d, value10): grp 'all' or 'team:<name>'; value10 = the value
-- times ten, rounded half away from zero (exact integer arithmetic), NULL when D = 0 or no population.

-- §1.2 values ------------------------------------------------------------------------------------
-- Every cell is normalised once (norm: NBSP to space, runs of white space to one, trimmed, blank to
-- NULL) in a materialised first step per list; the macros below then read the normalised text, so
-- each regular expression runs once per cell rather than once per use.
CREATE OR REPLACE TEMP MACRO norm(s) AS nullif(trim(regexp_replace(replace(s, chr(160), ' '), '\s+', ' ', 'g')), '');
CREATE OR REPLACE TEMP MACRO in_years(x) AS CASE WHEN year(x) BETWEEN 1900 AND 2099 THEN x END;
-- A date from normalised text: an Excel serial, d/m/yyyy (anything after a space ignored) or yyyy-mm-dd.
CREATE OR REPLACE TEMP MACRO date_t(t) AS in_years(CASE
    WHEN t IS NULL THEN NULL
    WHEN regexp_full_match(t, '[0-9]+(\.[0-9]+)?')
        THEN CASE WHEN CAST(t AS DOUBLE) < 100000 THEN CAST(DATE '1899-12-30' + CAST(floor(CAST(t AS DOUBLE)) AS INTEGER) AS DATE) END
    WHEN regexp_full_match(t, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( .*)?')
        THEN try(make_date(CAST(regexp_extract(t, '^[0-9]{1,2}/[0-9]{1,2}/([0-9]{4})', 1) AS BIGINT),
                           CAST(regexp_extract(t, '^[0-9]{1,2}/([0-9]{1,2})/', 1) AS BIGINT),
                           CAST(regexp_extract(t, '^([0-9]{1,2})/', 1) AS BIGINT)))
    WHEN regexp_full_match(t, '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*)?')
        THEN try(make_date(CAST(substr(t, 1, 4) AS BIGINT), CAST(substr(t, 6, 2) AS BIGINT), CAST(substr(t, 9, 2) AS BIGINT)))
END);
-- A code from normalised text: casefolded, any "a) " prefix dropped.
CREATE OR REPLACE TEMP MACRO code_t(t) AS regexp_replace(lower(t), '^[a-z]{1,2}\)\s*', '');
CREATE OR REPLACE TEMP MACRO yesno_c(c) AS CASE WHEN c IN ('yes', 'y') THEN 'yes' WHEN c IN ('no', 'n') THEN 'no' WHEN c = 'unknown' THEN 'unknown' END;
CREATE OR REPLACE TEMP MACRO count_t(t) AS CASE WHEN regexp_full_match(t, '[0-9]+(\.0*)?') THEN CAST(regexp_extract(t, '^([0-9]+)', 1) AS BIGINT) END;
CREATE OR REPLACE TEMP MACRO id_t(t) AS regexp_replace(t, '^([0-9]+)\.0*$', '\1');
CREATE OR REPLACE TEMP MACRO team_t(t) AS coalesce(id_t(t), 'Unallocated');
-- l: the normalised text in lower case.
CREATE OR REPLACE TEMP MACRO case_status_l(l) AS CASE
    WHEN regexp_matches(l, '^[a-e]\)') THEN substr(l, 1, 1)
    WHEN l = 'looked after child' THEN 'a'
    WHEN l = 'child protection plan' THEN 'b'
    WHEN l = 'child in need plan' THEN 'c'
    WHEN l = 'open assessment' THEN 'd'
    WHEN l = 'closed episode' THEN 'e'
END;
CREATE OR REPLACE TEMP MACRO activity_c(c) AS CASE
    WHEN c = 'eet' OR regexp_matches(c, '^[fp][1-5]') THEN 'eet'
    WHEN c = 'neet' OR regexp_matches(c, '^g[4-6]') THEN 'neet'
END;
CREATE OR REPLACE TEMP MACRO suitability_c(c) AS CASE WHEN c IN ('suitable', 'unsuitable') THEN c END;
-- Duplicate keys compare parsed values; an unreadable date by its text; blank equals blank.
CREATE OR REPLACE TEMP MACRO dkey(d, t) AS coalesce(CAST(d AS VARCHAR), t, '');
CREATE OR REPLACE TEMP MACRO edate(d, k) AS CAST(d + to_months(k) AS DATE);
-- Age at R from the date of birth moved to the 1st of its month (§2).
CREATE OR REPLACE TEMP MACRO age_at(b, r) AS year(r) - year(b) - CASE WHEN month(r) < month(b) THEN 1 ELSE 0 END;

-- §3 working days: n = working days from the calendar's start up to and including d; WD(a, b) = n(b) - n(a).
CREATE OR REPLACE TEMP TABLE cal AS
SELECT CAST(day AS DATE) AS d,
       sum(CASE WHEN isodow(day) <= 5 AND CAST(day AS DATE) NOT IN (SELECT d FROM bank_holidays) THEN 1 ELSE 0 END)
           OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS n
FROM range(DATE '1900-01-01', DATE '2100-01-01', INTERVAL 1 DAY) t(day);

-- §1.3 rows: blank IDs dropped, duplicates keep the first in file order ----------------------------
-- Each list: n = every column normalised once; p = values parsed once from n; then de-duplicated.
-- A date column x gives x (the date) and x_t (its text, for "unreadable" and for duplicate keys).
CREATE OR REPLACE TEMP TABLE l1 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(dob) AS dob_t, norm(d) AS d_t, code_t(norm(source)) AS source FROM raw_l1),
p AS MATERIALIZED (SELECT rn, id, date_t(dob_t) AS dob, date_t(d_t) AS d, d_t, source FROM n WHERE id IS NOT NULL)
SELECT rn, id, dob, d FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(d, d_t), coalesce(source, '') ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l3 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(d) AS d_t, code_t(norm(source)) AS source, code_t(norm(nfa)) AS nfa,
                               norm(n12) AS n12, norm(team) AS team FROM raw_l3),
p AS MATERIALIZED (SELECT rn, id, date_t(d_t) AS d, d_t, source, yesno_c(nfa) AS nfa, count_t(n12) AS n12, team_t(team) AS team
                   FROM n WHERE id IS NOT NULL)
SELECT rn, id, d, nfa, n12, team FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(d, d_t), coalesce(source, '') ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l4 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(s) AS s_t, norm(a) AS a_t, code_t(norm(seen)) AS seen, norm(team) AS team FROM raw_l4),
p AS MATERIALIZED (SELECT rn, id, date_t(s_t) AS s, s_t, date_t(a_t) AS a, yesno_c(seen) AS seen, team_t(team) AS team FROM n WHERE id IS NOT NULL)
SELECT rn, id, s, a, seen, team FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(s, s_t) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l5 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(s) AS s_t, norm(unn) AS unn_t, norm(icpc) AS icpc_t, code_t(norm(res)) AS res,
                               norm(team) AS team FROM raw_l5),
p AS MATERIALIZED (SELECT rn, id, date_t(s_t) AS s, s_t, unn_t, yesno_c(code_t(unn_t)) AS unn, date_t(icpc_t) AS icpc, icpc_t,
                          yesno_c(res) AS res, team_t(team) AS team FROM n WHERE id IS NOT NULL)
SELECT rn, id, s, unn, (icpc_t IS NOT NULL AND icpc IS NULL) OR (unn_t IS NOT NULL AND unn NOT IN ('yes', 'no')) AS bad9, icpc, res, team FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(s, s_t) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l6 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(s) AS s_t, norm(e) AS e_t, norm(seen) AS seen_t, lower(norm(status)) AS status,
                               norm(team) AS team FROM raw_l6),
p AS MATERIALIZED (SELECT rn, id, date_t(s_t) AS s, s_t, date_t(e_t) AS e, e_t, date_t(seen_t) AS seen, seen_t,
                          case_status_l(status) AS status, team_t(team) AS team FROM n WHERE id IS NOT NULL)
SELECT rn, id, s, e, e_t IS NOT NULL AND e IS NULL AS e_bad, seen, seen_t IS NOT NULL AND seen IS NULL AS seen_bad, status, team FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(s, s_t) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l7 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(s) AS s_t, norm(e) AS e_t, norm(visit) AS visit_t, norm(review) AS review_t,
                               norm(prev) AS prev, norm(team) AS team FROM raw_l7),
p AS MATERIALIZED (SELECT rn, id, date_t(s_t) AS s, s_t, date_t(e_t) AS e, e_t, date_t(visit_t) AS visit, visit_t, date_t(review_t) AS review, review_t,
                          count_t(prev) AS prev, team_t(team) AS team FROM n WHERE id IS NOT NULL)
SELECT rn, id, s, e, e_t IS NOT NULL AND e IS NULL AS e_bad, visit, visit_t IS NOT NULL AND visit IS NULL AS visit_bad,
       review, review_t IS NOT NULL AND review IS NULL AS review_bad, prev, team FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(s, s_t) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l8 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(dob) AS dob_t, norm(s) AS s_t, norm(e) AS e_t, norm(pl) AS pl, norm(ps) AS ps_t,
                               norm(health) AS health_t, norm(team) AS team FROM raw_l8),
p AS MATERIALIZED (SELECT rn, id, date_t(dob_t) AS dob, date_t(s_t) AS s, s_t, date_t(e_t) AS e, e_t, count_t(pl) AS pl, date_t(ps_t) AS ps,
                          date_t(health_t) AS health, health_t, team_t(team) AS team FROM n WHERE id IS NOT NULL)
SELECT rn, id, dob, s, e, e_t IS NOT NULL AND e IS NULL AS e_bad, pl, ps, health, health_t IS NOT NULL AND health IS NULL AS health_bad, team FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(s, s_t) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l9 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(dob) AS dob_t, code_t(norm(act)) AS act, code_t(norm(suit)) AS suit,
                               norm(team) AS team FROM raw_l9),
p AS MATERIALIZED (SELECT rn, id, date_t(dob_t) AS dob, act AS act_c, activity_c(act) AS act, suit AS suit_c, suitability_c(suit) AS suit,
                          team_t(team) AS team FROM n WHERE id IS NOT NULL)
SELECT rn, id, dob, act, act_c IS NOT NULL AND act IS NULL AS act_bad, suit, suit_c IS NOT NULL AND suit IS NULL AS suit_bad, team FROM p
QUALIFY row_number() OVER (PARTITION BY id ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l10 AS
WITH n AS MATERIALIZED (SELECT rn, id_t(norm(id)) AS id, norm(entered) AS entered, norm(decision) AS decision_t, norm(po) AS po,
                               norm(matching) AS matching, norm(placed) AS placed, norm(ao) AS ao, norm(ffa) AS ffa FROM raw_l10),
p AS MATERIALIZED (SELECT rn, id, date_t(entered) AS entered, date_t(decision_t) AS decision, decision_t, date_t(po) AS po,
                          date_t(matching) AS matching, date_t(placed) AS placed, date_t(ao) AS ao, date_t(ffa) AS ffa FROM n WHERE id IS NOT NULL)
SELECT rn, id, entered, po, matching, placed, ao, ffa FROM p
QUALIFY row_number() OVER (PARTITION BY id, dkey(decision, decision_t) ORDER BY rn) = 1;

-- §4 indicators: one fact per denominator row (d = 1), n its numerator share ----------------------
CREATE OR REPLACE TEMP TABLE facts AS
WITH
l3_child AS (SELECT id, max(n12) AS nc, max(d) AS lc FROM l3 GROUP BY id),
l3_k AS (
    SELECT x.id, count(*) AS kc FROM l3 x JOIN l3_child c ON c.id = x.id
    WHERE x.d >= edate(c.lc, -12) AND x.d < c.lc GROUP BY x.id),
l3_history AS (
    SELECT DISTINCT x.rn FROM l3 x JOIN l3 p ON p.id = x.id
    WHERE x.d > {{S}} AND x.d <= {{R}} AND p.d >= edate(x.d, -12) AND p.d < x.d),
l7_open AS (SELECT * FROM l7 WHERE s IS NOT NULL AND s <= {{R}} AND NOT e_bad AND (e IS NULL OR e > {{R}})),
l6_open AS (SELECT * FROM l6 WHERE s IS NOT NULL AND s <= {{R}} AND NOT e_bad AND (e IS NULL OR e > {{R}})),
l8_open AS (SELECT * FROM l8 WHERE s IS NOT NULL AND s <= {{R}} AND NOT e_bad AND (e IS NULL OR e > {{R}})),
l3_in AS (SELECT DISTINCT id FROM l3 WHERE d > {{S}} AND d <= {{R}})
SELECT '1' AS ind, NULL AS team, 1 AS n FROM l1 WHERE d > {{S}} AND d <= {{R}}
UNION ALL
SELECT '2', NULL, max(CASE WHEN l3_in.id IS NOT NULL THEN 1 ELSE 0 END)
FROM l1 LEFT JOIN l3_in ON l3_in.id = l1.id WHERE l1.d > {{S}} AND l1.d <= {{R}} GROUP BY l1.id
UNION ALL
SELECT '3', team, 1 FROM l3 WHERE d > {{S}} AND d <= {{R}}
UNION ALL
SELECT '4', x.team, CASE WHEN h.rn IS NOT NULL OR coalesce(c.nc > coalesce(k.kc, 0), false) THEN 1 ELSE 0 END
FROM l3 x LEFT JOIN l3_history h ON h.rn = x.rn LEFT JOIN l3_child c ON c.id = x.id LEFT JOIN l3_k k ON k.id = x.id
WHERE x.d > {{S}} AND x.d <= {{R}}
UNION ALL
SELECT '5', team, CASE WHEN nfa = 'yes' THEN 1 ELSE 0 END FROM l3 WHERE d > {{S}} AND d <= {{R}} AND nfa IN ('yes', 'no')
UNION ALL
SELECT '6', x.team, CASE WHEN cb.n - ca.n <= 45 THEN 1 ELSE 0 END
FROM l4 x JOIN cal ca ON ca.d = x.s JOIN cal cb ON cb.d = x.a
WHERE x.a > {{S}} AND x.a <= {{R}} AND x.a >= x.s
UNION ALL
SELECT '7', team, CASE WHEN seen = 'yes' THEN 1 ELSE 0 END FROM l4 WHERE a > {{S}} AND a <= {{R}} AND seen IS NOT NULL
UNION ALL
SELECT '8', team, 1 FROM l5 WHERE s > {{S}} AND s <= {{R}}
UNION ALL
SELECT '9', team, CASE WHEN icpc IS NOT NULL OR unn = 'no' THEN 1 ELSE 0 END
FROM l5 WHERE s > {{S}} AND s <= {{R}} AND NOT bad9 AND (unn IN ('yes', 'no') OR icpc IS NOT NULL)
UNION ALL
SELECT '10', x.team, CASE WHEN cb.n - ca.n <= 15 THEN 1 ELSE 0 END
FROM l5 x JOIN cal ca ON ca.d = x.s JOIN cal cb ON cb.d = x.icpc
WHERE x.icpc > {{S}} AND x.icpc <= {{R}} AND x.icpc >= x.s
UNION ALL
SELECT '11', team, CASE WHEN res = 'yes' THEN 1 ELSE 0 END FROM l5 WHERE icpc > {{S}} AND icpc <= {{R}} AND res IN ('yes', 'no')
UNION ALL
SELECT '12', team, 1 FROM l7_open QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1
UNION ALL
SELECT '13', team, CASE WHEN prev > 0 THEN 1 ELSE 0 END FROM l7 WHERE s > {{S}} AND s <= {{R}} AND prev IS NOT NULL
UNION ALL
SELECT '14', team, CASE WHEN e >= edate(s, 24) THEN 1 ELSE 0 END FROM l7 WHERE e > {{S}} AND e <= {{R}} AND s IS NOT NULL AND e >= s
UNION ALL
SELECT ind, team, CASE WHEN visit IS NOT NULL AND cr.n - cv.n <= lim THEN 1 ELSE 0 END
FROM (SELECT * FROM l7_open WHERE NOT visit_bad AND (visit IS NULL OR visit <= {{R}})
      QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1) x
CROSS JOIN (VALUES ('15', 10), ('15b', 20)) v(ind, lim)
LEFT JOIN cal cv ON cv.d = x.visit JOIN cal cr ON cr.d = {{R}}
UNION ALL
SELECT '16', team, CASE WHEN (review IS NULL AND s >= edate({{R}}, -3)) OR review >= edate({{R}}, -6) THEN 1 ELSE 0 END
FROM l7_open WHERE NOT review_bad AND (review IS NULL OR review <= {{R}})
QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1
UNION ALL
SELECT '17', team, CASE WHEN seen IS NOT NULL AND cr.n - cs.n <= 20 THEN 1 ELSE 0 END
FROM (SELECT * FROM l6_open WHERE status = 'c' AND NOT seen_bad AND (seen IS NULL OR seen <= {{R}})
      QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1) x
LEFT JOIN cal cs ON cs.d = x.seen JOIN cal cr ON cr.d = {{R}}
UNION ALL
SELECT '18', team, 1 FROM l8_open QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1
UNION ALL
SELECT '19', team, CASE WHEN pl >= 3 THEN 1 ELSE 0 END FROM l8_open WHERE pl IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1
UNION ALL
SELECT '20', team, CASE WHEN ps <= edate({{R}}, -24) THEN 1 ELSE 0 END
FROM l8_open
WHERE dob IS NOT NULL AND age_at(date_trunc('month', dob), {{R}}) BETWEEN 0 AND 15 AND s <= edate({{R}}, -30) AND ps IS NOT NULL AND ps <= {{R}}
QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1
UNION ALL
SELECT '21', team, CASE WHEN health IS NOT NULL
        AND health >= edate({{R}}, CASE WHEN age_at(date_trunc('month', dob), {{R}}) < 5 THEN -6 ELSE -12 END) THEN 1 ELSE 0 END
FROM l8_open
WHERE s <= edate({{R}}, -12) AND dob IS NOT NULL AND NOT health_bad AND (health IS NULL OR health <= {{R}})
QUALIFY row_number() OVER (PARTITION BY id ORDER BY s DESC, rn) = 1
UNION ALL
SELECT '22', team, CASE WHEN act = 'eet' THEN 1 ELSE 0 END
FROM l9 WHERE dob IS NOT NULL AND age_at(date_trunc('month', dob), {{R}}) BETWEEN 19 AND 21 AND NOT act_bad
UNION ALL
SELECT '23', team, CASE WHEN suit = 'suitable' THEN 1 ELSE 0 END
FROM l9 WHERE dob IS NOT NULL AND age_at(date_trunc('month', dob), {{R}}) BETWEEN 19 AND 21 AND NOT suit_bad
UNION ALL
SELECT '24', NULL, date_diff('day', entered, e)
FROM (SELECT *, CASE WHEN placed IS NULL THEN ffa WHEN ffa IS NULL THEN placed ELSE least(placed, ffa) END AS e FROM l10)
WHERE ao > {{S}} AND ao <= {{R}} AND entered IS NOT NULL AND e IS NOT NULL AND e >= entered
QUALIFY row_number() OVER (PARTITION BY id ORDER BY ao DESC, rn) = 1
UNION ALL
SELECT '25', NULL, greatest(0, date_diff('day', po, matching))
FROM l10 WHERE ao > {{S}} AND ao <= {{R}} AND po IS NOT NULL AND matching IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY id ORDER BY ao DESC, rn) = 1;

-- §4 values and §6 team breakdowns -----------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE results AS
WITH totals AS (
    SELECT ind, 'all' AS grp, sum(n) AS n, count(*) AS d FROM facts GROUP BY ind
    UNION ALL
    SELECT ind, 'team:' || team, sum(n), count(*) FROM facts WHERE team IS NOT NULL GROUP BY ind, team
),
shaped AS (
    SELECT ind, grp, n,
           CASE WHEN ind IN ('1', '3', '8', '12', '18') THEN {{P}} ELSE d END AS d,
           CASE WHEN ind IN ('1', '3', '8', '12', '18') THEN 'rate' WHEN ind IN ('24', '25') THEN 'mean' ELSE 'percent' END AS unit
    FROM totals
)
SELECT ind, grp, CAST(n AS BIGINT) AS n, CAST(d AS BIGINT) AS d,
       CASE WHEN d IS NULL OR d = 0 OR (unit = 'rate' AND grp <> 'all') THEN NULL
            WHEN unit = 'rate' THEN (CAST(200000 AS HUGEINT) * n + d) // (2 * d)
            WHEN unit = 'mean' THEN (CAST(20 AS HUGEINT) * n + d) // (2 * d)
            ELSE (CAST(2000 AS HUGEINT) * n + d) // (2 * d) END AS value10
FROM shaped;
