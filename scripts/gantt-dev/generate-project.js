/**
 * A made-up but plausible project for the dev page: phases over work packages over tasks and
 * milestones, scheduled by a small critical-path pass (all four link types, lags) so that slack,
 * the critical path, progress and baselines look like a real schedule. Deterministic per seed.
 */

const MINUTES_PER_DAY = 480;
const MS_PER_DAY = 86400000;

const PHASES = ['Discovery', 'Architecture', 'Build', 'Integration', 'Hardening', 'Rollout', 'Operations handover'];
const AREAS = ['Payments service', 'Identity and access', 'Customer portal', 'Data warehouse', 'Mobile app',
  'Search', 'Notifications', 'Reporting', 'Billing engine', 'Partner API', 'Audit trail', 'Inventory sync'];
const VERBS = ['Design', 'Build', 'Review', 'Test', 'Migrate', 'Document', 'Deploy', 'Load-test', 'Refactor', 'Secure', 'Prototype', 'Validate'];
const OBJECTS = ['data model', 'REST endpoints', 'login flow', 'database schema', 'batch jobs', 'UI components',
  'event pipeline', 'access roles', 'error handling', 'caching layer', 'import wizard', 'monitoring dashboards'];
const MILESTONES = ['Design sign-off', 'Feature complete', 'Ready for UAT', 'Go/no-go decision', 'Release candidate'];
const PEOPLE = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Edsger', 'Radia', 'Frances', 'Tim', 'Hedy', 'Alan'];

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDates = new Map();
const isoDate = (day) => {
  if (!isoDates.has(day)) isoDates.set(day, new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  return isoDates.get(day);
};
const isoDateTime = (day, hour) => `${isoDate(day)}T${String(hour).padStart(2, '0')}:00:00`;

export function generateProject({ taskCount = 200, linkCount = Math.round(taskCount * 1.5), seed = 7 } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const between = (low, high) => low + Math.floor(next() * (high - low + 1));

  // Working days from Monday 5 January 2026, with a few holidays.
  const projectStartDay = Date.UTC(2026, 0, 5) / MS_PER_DAY;
  const holidays = [];
  for (let year = 2026; year <= 2040; year++) holidays.push(`${year}-01-01`, `${year}-05-01`, `${year}-12-25`, `${year}-12-26`);
  const holidayDays = new Set(holidays.map((text) => Date.parse(text) / MS_PER_DAY));
  const workdays = [];
  const workdayAt = (index) => {
    for (let day = workdays.length ? workdays[workdays.length - 1] + 1 : projectStartDay; workdays.length <= index; day++) {
      const weekday = new Date(day * MS_PER_DAY).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !holidayDays.has(day)) workdays.push(day);
    }
    return workdays[index];
  };

  // Outline: phases > work packages > tasks; each work package belongs to one team's stream of
  // work, which keeps the network as parallel as a real programme rather than one long chain.
  const tasks = [];
  const leaves = [];
  const streamCount = Math.max(2, Math.round(taskCount / 160));
  const streamLastLeaves = Array.from({ length: streamCount }, () => []);
  let workPackageCount = 0;
  for (let phase = 0; tasks.length < taskCount; phase++) {
    const phaseTask = { id: `T${tasks.length + 1}`, name: `${PHASES[phase % PHASES.length]}${phase >= PHASES.length ? ` ${Math.floor(phase / PHASES.length) + 1}` : ''}`, level: 1, summary: true, children: [] };
    tasks.push(phaseTask);
    const packages = between(3, 8);
    for (let p = 0; p < packages && tasks.length < taskCount; p++) {
      const stream = workPackageCount++ % streamCount;
      const packageTask = { id: `T${tasks.length + 1}`, name: `${pick(AREAS)}`, level: 2, summary: true, parent: phaseTask, children: [] };
      phaseTask.children.push(packageTask);
      tasks.push(packageTask);
      const size = between(4, 11);
      const packageLeaves = [];
      for (let l = 0; l < size && tasks.length < taskCount; l++) {
        const milestone = l === size - 1 && next() < 0.45;
        const leaf = {
          id: `T${tasks.length + 1}`,
          name: milestone ? pick(MILESTONES) : `${pick(VERBS)} ${pick(OBJECTS)}`,
          level: 3,
          summary: false,
          milestone,
          parent: packageTask,
          children: [],
          days: milestone ? 0 : between(1, 8) + (next() < 0.15 ? between(5, 12) : 0),
          stream,
          predecessors: [],
          successors: [],
        };
        packageTask.children.push(leaf);
        tasks.push(leaf);
        leaves.push(leaf);
        packageLeaves.push(leaf);
      }
      packageTask.previousInStream = streamLastLeaves[stream];
      if (packageLeaves.length) streamLastLeaves[stream] = packageLeaves;
    }
  }

  // Links: each leaf gets its share of the link budget, from recent tasks in its own work
  // package, the end of the previous package in its stream, or now and then another stream.
  const links = [];
  const perLeaf = linkCount / Math.max(1, leaves.length - 1);
  const addLink = (predecessor, successor) => {
    if (predecessor === successor || successor.predecessors.some((entry) => entry.predecessor === predecessor)) return false;
    const roll = next();
    const type = roll < 0.84 ? 'FINISH_START' : roll < 0.92 ? 'START_START' : roll < 0.97 ? 'FINISH_FINISH' : 'START_FINISH';
    const lagDays = next() < 0.1 ? between(1, 3) : 0;
    const link = { id: `L${links.length + 1}`, predecessorId: predecessor.id, successorId: successor.id, type, lagMinutes: lagDays * MINUTES_PER_DAY };
    const entry = { predecessor, successor, type, lagDays };
    successor.predecessors.push(entry);
    predecessor.successors.push(entry);
    links.push(link);
    return true;
  };
  const leafIndex = new Map(leaves.map((leaf, index) => [leaf, index]));
  leaves.forEach((leaf, index) => {
    if (index === 0) return;
    const siblings = leaf.parent.children.filter((child) => leafIndex.get(child) < index);
    const wanted = Math.floor(perLeaf) + (next() < perLeaf % 1 ? 1 : 0);
    for (let attempt = 0, added = 0; added < wanted && attempt < wanted * 10; attempt++) {
      const roll = next();
      let candidate;
      if (roll < 0.62 && siblings.length) candidate = siblings[Math.max(0, siblings.length - between(1, 3))];
      else if (roll < 0.9 && leaf.parent.previousInStream?.length) candidate = pick(leaf.parent.previousInStream);
      else candidate = leaves[Math.max(0, index - between(1, 400))];
      if (candidate && leafIndex.get(candidate) < index && addLink(candidate, leaf)) added++;
    }
  });

  // Top up what duplicates refused, so the page shows exactly the links asked for.
  for (let guard = 0; links.length < linkCount && leaves.length > 1 && guard < linkCount * 10; guard++) {
    const index = between(1, leaves.length - 1);
    addLink(leaves[Math.max(0, index - between(1, 60))], leaves[index]);
  }

  // Forward pass in whole working days: earlyStart/earlyFinish, finish exclusive.
  for (const leaf of leaves) {
    let earlyStart = 0;
    for (const { predecessor: p, type, lagDays } of leaf.predecessors) {
      const bound = type === 'FINISH_START' ? p.earlyFinish + lagDays
        : type === 'START_START' ? p.earlyStart + lagDays
          : type === 'FINISH_FINISH' ? p.earlyFinish + lagDays - leaf.days
            : p.earlyStart + lagDays - leaf.days;
      earlyStart = Math.max(earlyStart, bound);
    }
    leaf.earlyStart = earlyStart;
    leaf.earlyFinish = earlyStart + leaf.days;
  }
  const projectFinish = Math.max(...leaves.map((leaf) => leaf.earlyFinish));
  // Backward pass: lateFinish, then total and free slack.
  for (let index = leaves.length - 1; index >= 0; index--) {
    const leaf = leaves[index];
    let lateFinish = projectFinish;
    let freeSlack = projectFinish - leaf.earlyFinish;
    for (const { successor: s, type, lagDays } of leaf.successors) {
      const lateBound = type === 'FINISH_START' ? s.lateStart - lagDays
        : type === 'START_START' ? s.lateStart - lagDays + leaf.days
          : type === 'FINISH_FINISH' ? s.lateFinish - lagDays
            : s.lateFinish - lagDays + leaf.days;
      lateFinish = Math.min(lateFinish, lateBound);
      const earlyBound = type === 'FINISH_START' ? s.earlyStart - lagDays - leaf.earlyFinish
        : type === 'START_START' ? s.earlyStart - lagDays - leaf.earlyStart
          : type === 'FINISH_FINISH' ? s.earlyFinish - lagDays - leaf.earlyFinish
            : s.earlyFinish - lagDays - leaf.earlyStart;
      freeSlack = Math.min(freeSlack, earlyBound);
    }
    leaf.lateFinish = lateFinish;
    leaf.lateStart = lateFinish - leaf.days;
    leaf.totalSlack = lateFinish - leaf.earlyFinish;
    leaf.freeSlack = Math.max(0, freeSlack);
  }

  const todayIndex = Math.round(projectFinish * 0.35);
  const statusIndex = Math.max(0, todayIndex - 2);
  const startOf = (index) => isoDateTime(workdayAt(index), 8);
  const finishOf = (index) => isoDateTime(workdayAt(Math.max(0, index - 1)), 17);
  const percentAt = (earlyStart, earlyFinish) => {
    if (earlyFinish <= statusIndex) return 100;
    if (earlyStart >= statusIndex) return 0;
    return Math.round(((statusIndex - earlyStart) / (earlyFinish - earlyStart)) * 20) * 5;
  };

  // Summaries roll up their children, deepest first.
  for (let index = tasks.length - 1; index >= 0; index--) {
    const task = tasks[index];
    if (!task.summary) continue;
    if (!task.children.length) {
      // The task budget ran out before this summary got children: make it the closing milestone.
      Object.assign(task, { summary: false, milestone: true, name: `${task.name} complete`, days: 0,
        earlyStart: projectFinish, earlyFinish: projectFinish, totalSlack: 0, freeSlack: 0 });
      continue;
    }
    task.earlyStart = Math.min(...task.children.map((child) => child.earlyStart));
    task.earlyFinish = Math.max(...task.children.map((child) => child.earlyFinish));
    task.days = task.earlyFinish - task.earlyStart;
    task.totalSlack = Math.min(...task.children.map((child) => child.totalSlack));
    task.freeSlack = 0;
  }

  const wbsCounters = [];
  const result = tasks.map((task) => {
    wbsCounters.length = task.level;
    wbsCounters[task.level - 1] = (wbsCounters[task.level - 1] ?? 0) + 1;
    const slip = next() < 0.6 ? 0 : next() < 0.75 ? between(1, 5) : -between(1, 3);
    const growth = task.milestone || next() < 0.7 ? 0 : between(-1, 3);
    const baselineStart = Math.max(0, task.earlyStart - slip);
    const baselineFinish = Math.max(baselineStart, task.earlyFinish - slip - growth);
    const milestoneDay = task.earlyStart > 0 ? finishOf(task.earlyStart) : startOf(0);
    const deadline = task.milestone && next() < 0.35 ? isoDate(workdayAt(Math.max(0, task.earlyStart + between(-3, 10)))) : null;
    return {
      id: task.id,
      wbs: wbsCounters.join('.'),
      name: task.name,
      parentId: task.parent?.id ?? null,
      level: task.level,
      summary: task.summary,
      milestone: Boolean(task.milestone),
      start: task.milestone ? milestoneDay : startOf(task.earlyStart),
      finish: task.milestone ? milestoneDay : finishOf(task.earlyFinish),
      durationMinutes: task.days * MINUTES_PER_DAY,
      percentComplete: percentAt(task.earlyStart, task.earlyFinish),
      critical: !task.summary && task.totalSlack <= 0,
      totalSlackMinutes: task.totalSlack * MINUTES_PER_DAY,
      freeSlackMinutes: task.freeSlack * MINUTES_PER_DAY,
      deadline,
      constraintType: 'AS_SOON_AS_POSSIBLE',
      assignees: task.summary || task.milestone ? [] : [pick(PEOPLE), ...(next() < 0.25 ? [pick(PEOPLE)] : [])].filter((name, i, all) => all.indexOf(name) === i),
      baselineStart: task.milestone ? milestoneDay : startOf(baselineStart),
      baselineFinish: task.milestone ? (baselineStart > 0 ? finishOf(baselineStart) : startOf(0)) : finishOf(baselineFinish),
      baselineDurationMinutes: (baselineFinish - baselineStart) * MINUTES_PER_DAY,
      version: 1,
    };
  });

  return {
    project: {
      start: startOf(0),
      finish: finishOf(projectFinish),
      statusDate: isoDateTime(workdayAt(statusIndex), 17),
      today: isoDateTime(workdayAt(todayIndex), 12),
      minutesPerDay: MINUTES_PER_DAY,
      calendar: { workingDays: [1, 2, 3, 4, 5], holidays },
    },
    tasks: result,
    links,
  };
}
