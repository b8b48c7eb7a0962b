-- Texts built from several user texts must hold all of them, or recording them fails and sticks the case: a ledger
-- entry's data (an AI review publishes four texts of up to 4000 characters each, JSON-escaped) and the jury report
-- (every solution's rationale). One million characters is more than any request body (1 MB) can bring.
alter table ledger_entry alter column public_data set data type varchar(1000000);
alter table ledger_entry alter column internal_data set data type varchar(1000000);
alter table jury_decision alter column report set data type varchar(1000000);
