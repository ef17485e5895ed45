-- On the embedded try-out database immutability rests on the application; see postgresql/V15.
select 1;
