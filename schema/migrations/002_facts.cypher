// Facts: every relationship carries an id (unique per type, the key of MERGE and of mutations)
// and the id of the article that states it (`source`), which Article.facts looks up.

CREATE CONSTRAINT partners_with_id_unique IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT invests_in_id_unique IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT targets_params_id_unique IF NOT EXISTS FOR ()-[r:TARGETS_PARAMS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT develops_id_unique IF NOT EXISTS FOR ()-[r:DEVELOPS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT establishes_id_unique IF NOT EXISTS FOR ()-[r:ESTABLISHES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id_unique IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT located_at_id_unique IF NOT EXISTS FOR ()-[r:LOCATED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT owns_id_unique IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT researches_id_unique IF NOT EXISTS FOR ()-[r:RESEARCHES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT pursues_id_unique IF NOT EXISTS FOR ()-[r:PURSUES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT conducts_id_unique IF NOT EXISTS FOR ()-[r:CONDUCTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT works_for_id_unique IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT hosts_id_unique IF NOT EXISTS FOR ()-[r:HOSTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT presented_at_id_unique IF NOT EXISTS FOR ()-[r:PRESENTED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT succeeds_id_unique IF NOT EXISTS FOR ()-[r:SUCCEEDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT counterpart_of_id_unique IF NOT EXISTS FOR ()-[r:COUNTERPART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT competes_with_id_unique IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT authored_id_unique IF NOT EXISTS FOR ()-[r:AUTHORED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT published_id_unique IF NOT EXISTS FOR ()-[r:PUBLISHED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT stated_id_unique IF NOT EXISTS FOR ()-[r:STATED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_stock_quote_id_unique IF NOT EXISTS FOR ()-[r:HAS_STOCK_QUOTE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT mentions_id_unique IF NOT EXISTS FOR ()-[r:MENTIONS]-() REQUIRE r.id IS UNIQUE;

CREATE INDEX partners_with_source IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.source);
CREATE INDEX invests_in_source IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.source);
CREATE INDEX targets_params_source IF NOT EXISTS FOR ()-[r:TARGETS_PARAMS]-() ON (r.source);
CREATE INDEX develops_source IF NOT EXISTS FOR ()-[r:DEVELOPS]-() ON (r.source);
CREATE INDEX establishes_source IF NOT EXISTS FOR ()-[r:ESTABLISHES]-() ON (r.source);
CREATE INDEX part_of_source IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.source);
CREATE INDEX located_at_source IF NOT EXISTS FOR ()-[r:LOCATED_AT]-() ON (r.source);
CREATE INDEX owns_source IF NOT EXISTS FOR ()-[r:OWNS]-() ON (r.source);
CREATE INDEX researches_source IF NOT EXISTS FOR ()-[r:RESEARCHES]-() ON (r.source);
CREATE INDEX pursues_source IF NOT EXISTS FOR ()-[r:PURSUES]-() ON (r.source);
CREATE INDEX conducts_source IF NOT EXISTS FOR ()-[r:CONDUCTS]-() ON (r.source);
CREATE INDEX works_for_source IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.source);
CREATE INDEX hosts_source IF NOT EXISTS FOR ()-[r:HOSTS]-() ON (r.source);
CREATE INDEX presented_at_source IF NOT EXISTS FOR ()-[r:PRESENTED_AT]-() ON (r.source);
CREATE INDEX succeeds_source IF NOT EXISTS FOR ()-[r:SUCCEEDS]-() ON (r.source);
CREATE INDEX counterpart_of_source IF NOT EXISTS FOR ()-[r:COUNTERPART_OF]-() ON (r.source);
CREATE INDEX competes_with_source IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() ON (r.source);
CREATE INDEX authored_source IF NOT EXISTS FOR ()-[r:AUTHORED]-() ON (r.source);
CREATE INDEX published_source IF NOT EXISTS FOR ()-[r:PUBLISHED]-() ON (r.source);
CREATE INDEX stated_source IF NOT EXISTS FOR ()-[r:STATED]-() ON (r.source);
CREATE INDEX has_stock_quote_source IF NOT EXISTS FOR ()-[r:HAS_STOCK_QUOTE]-() ON (r.source);
CREATE INDEX mentions_source IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.source);
