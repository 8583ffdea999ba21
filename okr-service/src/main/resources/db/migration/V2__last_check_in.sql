-- When the check-in that last set a key result's value was made, so an older check-in arriving late
-- does not overwrite a newer one.
alter table key_result add column last_check_in_at timestamp with time zone;
