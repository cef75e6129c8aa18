-- The planner must know how common a search bigram (請求 is in one case in seven) or an
-- assignee is, or it sorts hundreds of thousands of bitmap matches instead of walking the
-- list index and stopping after one page: measured at 1,000,000 incidents, 2.5 s -> 6 ms
-- (docs/benchmarks.md). The default statistics target keeps too few array elements.
ALTER TABLE incident ALTER COLUMN search_grams SET STATISTICS 1000;
ALTER TABLE incident ALTER COLUMN assignee SET STATISTICS 1000;
ALTER TABLE incident ALTER COLUMN partner_id SET STATISTICS 1000;
ALTER TABLE incident ALTER COLUMN impersonated_addresses SET STATISTICS 1000;
