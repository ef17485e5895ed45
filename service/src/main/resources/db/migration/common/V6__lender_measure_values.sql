-- A lender's own GBP values per measure (for example a value set it holds a licence for).
create table lender_measure_value (
    lender_id    uuid           not null references lender (id),
    measure      varchar(40)    not null,
    gbp_per_unit numeric(15, 2) not null,
    source       varchar(500)   not null,
    licence      varchar(200)   not null,
    primary key (lender_id, measure)
);
