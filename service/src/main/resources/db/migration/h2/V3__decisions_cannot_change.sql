-- On the embedded try-out database immutability rests on the application (@Immutable mappings);
-- PostgreSQL, the database of record, enforces it with triggers (see postgresql/V3).
select 1;
