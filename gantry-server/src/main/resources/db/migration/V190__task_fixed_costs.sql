-- Fixed costs per task (issue 14): an amount on the task besides its assignments, incurred at its start,
-- at its finish or with its progress (Microsoft Project's accrual). The baseline keeps the fixed cost and
-- accrual it was captured with, so the planned value spreads the budget the way it was planned.
alter table task add column fixed_cost numeric(19, 4) not null default 0 check (fixed_cost >= 0);
alter table task add column fixed_cost_accrual text not null default 'PRORATED'
    check (fixed_cost_accrual in ('START', 'PRORATED', 'END'));
alter table task_baseline add column fixed_cost numeric(19, 4);
alter table task_baseline add column fixed_cost_accrual text
    check (fixed_cost_accrual in ('START', 'PRORATED', 'END'));
