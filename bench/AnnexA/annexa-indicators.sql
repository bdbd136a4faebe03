-- The 25 Annex A indicators of DEFINITIONS.md (v1.1), in DuckDB SQL, as an independent check on
-- Trellis's engine. The harness (AnnexADuckDb.cs) first creates:
--   bank_holidays(d DATE)                        England and Wales bank holidays
--   raw_l1 .. raw_l10 (rn, <aliases> VARCHAR)     each list's CSV as read by read_csv, all text,
--                                                rn = the row's order in the file
-- and replaces {{R}}, {{S}} (window start, exclusive) and {{P}} (population or NULL) below.
-- Result: table results(ind, grp, n, d, value10): grp 'all' or 'team:<name>'; value10 = the value
-- times ten, rounded half away from zero (exact integer arithmetic), NULL when D = 0 or no population.

-- §1.2 values ------------------------------------------------------------------------------------
CREATE OR REPLACE TEMP MACRO norm(s) AS nullif(trim(regexp_replace(replace(s, chr(160), ' '), '\s+', ' ', 'g')), '');
CREATE OR REPLACE TEMP MACRO in_years(x) AS CASE WHEN year(x) BETWEEN 1900 AND 2099 THEN x END;
CREATE OR REPLACE TEMP MACRO pdate_norm(t) AS in_years(CASE
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
CREATE OR REPLACE TEMP MACRO pdate(s) AS pdate_norm(norm(s));
-- Non-blank but not a date: the row is excluded wherever the field is used.
CREATE OR REPLACE TEMP MACRO bad_date(s) AS norm(s) IS NOT NULL AND pdate(s) IS NULL;
CREATE OR REPLACE TEMP MACRO pcode(s) AS regexp_replace(lower(norm(s)), '^[a-z]{1,2}\)\s*', '');
CREATE OR REPLACE TEMP MACRO yesno(s) AS CASE WHEN pcode(s) IN ('yes', 'y') THEN 'yes' WHEN pcode(s) IN ('no', 'n') THEN 'no' WHEN pcode(s) = 'unknown' THEN 'unknown' END;
CREATE OR REPLACE TEMP MACRO pcount(s) AS CASE WHEN regexp_full_match(norm(s), '[0-9]+(\.0*)?') THEN CAST(regexp_extract(norm(s), '^([0-9]+)', 1) AS BIGINT) END;
CREATE OR REPLACE TEMP MACRO pid(s) AS regexp_replace(norm(s), '^([0-9]+)\.0*$', '\1');
CREATE OR REPLACE TEMP MACRO pteam(s) AS coalesce(pid(s), 'Unallocated');
CREATE OR REPLACE TEMP MACRO case_status(s) AS CASE
    WHEN regexp_matches(lower(norm(s)), '^[a-e]\)') THEN substr(lower(norm(s)), 1, 1)
    WHEN lower(norm(s)) = 'looked after child' THEN 'a'
    WHEN lower(norm(s)) = 'child protection plan' THEN 'b'
    WHEN lower(norm(s)) = 'child in need plan' THEN 'c'
    WHEN lower(norm(s)) = 'open assessment' THEN 'd'
    WHEN lower(norm(s)) = 'closed episode' THEN 'e'
END;
CREATE OR REPLACE TEMP MACRO activity(s) AS CASE
    WHEN pcode(s) = 'eet' OR regexp_matches(pcode(s), '^[fp][1-5]') THEN 'eet'
    WHEN pcode(s) = 'neet' OR regexp_matches(pcode(s), '^g[4-6]') THEN 'neet'
END;
CREATE OR REPLACE TEMP MACRO suitability(s) AS CASE WHEN pcode(s) IN ('suitable', 'unsuitable') THEN pcode(s) END;
-- Duplicate keys compare parsed values; an unreadable date by its text; blank equals blank.
CREATE OR REPLACE TEMP MACRO dkey(s) AS coalesce(CAST(pdate(s) AS VARCHAR), norm(s), '');
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
CREATE OR REPLACE TEMP TABLE l1 AS
SELECT rn, pid(id) AS id, pdate(dob) AS dob, pdate(d) AS d
FROM raw_l1 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(d), coalesce(pcode(source), '') ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l3 AS
SELECT rn, pid(id) AS id, pdate(d) AS d, yesno(nfa) AS nfa, pcount(n12) AS n12, pteam(team) AS team
FROM raw_l3 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(d), coalesce(pcode(source), '') ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l4 AS
SELECT rn, pid(id) AS id, pdate(s) AS s, pdate(a) AS a, yesno(seen) AS seen, pteam(team) AS team
FROM raw_l4 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(s) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l5 AS
SELECT rn, pid(id) AS id, pdate(s) AS s, yesno(unn) AS unn, bad_date(icpc) OR (norm(unn) IS NOT NULL AND yesno(unn) NOT IN ('yes', 'no')) AS bad9,
       pdate(icpc) AS icpc, yesno(res) AS res, pteam(team) AS team
FROM raw_l5 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(s) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l6 AS
SELECT rn, pid(id) AS id, pdate(s) AS s, pdate(e) AS e, bad_date(e) AS e_bad, pdate(seen) AS seen, bad_date(seen) AS seen_bad,
       case_status(status) AS status, pteam(team) AS team
FROM raw_l6 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(s) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l7 AS
SELECT rn, pid(id) AS id, pdate(s) AS s, pdate(e) AS e, bad_date(e) AS e_bad, pdate(visit) AS visit, bad_date(visit) AS visit_bad,
       pdate(review) AS review, bad_date(review) AS review_bad, pcount(prev) AS prev, pteam(team) AS team
FROM raw_l7 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(s) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l8 AS
SELECT rn, pid(id) AS id, pdate(dob) AS dob, pdate(s) AS s, pdate(e) AS e, bad_date(e) AS e_bad, pcount(pl) AS pl,
       pdate(ps) AS ps, pdate(health) AS health, bad_date(health) AS health_bad, pteam(team) AS team
FROM raw_l8 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(s) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l9 AS
SELECT rn, pid(id) AS id, pdate(dob) AS dob, activity(act) AS act, norm(act) IS NOT NULL AND activity(act) IS NULL AS act_bad,
       suitability(suit) AS suit, norm(suit) IS NOT NULL AND suitability(suit) IS NULL AS suit_bad, pteam(team) AS team
FROM raw_l9 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id) ORDER BY rn) = 1;

CREATE OR REPLACE TEMP TABLE l10 AS
SELECT rn, pid(id) AS id, pdate(entered) AS entered, pdate(po) AS po, pdate(matching) AS matching, pdate(placed) AS placed,
       pdate(ao) AS ao, pdate(ffa) AS ffa
FROM raw_l10 WHERE pid(id) IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY pid(id), dkey(decision) ORDER BY rn) = 1;

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
