-- Organization kinds and locations are read as codes now (domain::organization), and an unknown
-- code is an error. The demo generator once stored three that never were codes: map them to
-- the codes they meant.
UPDATE organization SET location = 'in_japan' WHERE location IN ('nearby', 'remote');
UPDATE organization SET kind = 'government' WHERE kind = 'public';
UPDATE enquiry SET location = 'in_japan' WHERE location IN ('nearby', 'remote');
UPDATE enquiry SET kind = 'government' WHERE kind = 'public';
