import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS, mapFlagOf, mapHeader, nearestPresets, normaliseHeader, proposeMapping, shellQuote, type Proposal } from '../../src/reading/propose-mapping.js';
import { loadPresets } from '../../src/presets/index.js';
import { ColumnProfiler } from '../../src/reading/column-profile.js';
import { FIELDS } from '../../src/schema/fields.js';

/**
 * The mapping `inspect` proposes for an export no preset and no canonical header explains: a
 * column per field by its header's name and its values, ready to paste as --map or as the
 * config's columns.
 */

/** The proposal for a file given as its header and rows. */
function proposalFor(header: readonly string[], rows: readonly (readonly string[])[]): Proposal {
  const profiler = new ColumnProfiler(header);
  for (const row of rows) profiler.add(row);
  return proposeMapping(profiler.profiles());
}

/** field → headers of a proposal. */
const headersOf = (proposal: Proposal): Record<string, string[]> => Object.fromEntries(proposal.fields.map((f) => [f.field, f.headers]));
const whyOf = (proposal: Proposal, field: string): string => proposal.fields.find((f) => f.field === field)?.why ?? '';

/** A file of one column per entry: header → its values (all the same length). */
function columnsFile(columns: Record<string, readonly string[]>): Proposal {
  const header = Object.keys(columns);
  const length = Math.max(...Object.values(columns).map((v) => v.length));
  const rows = Array.from({ length }, (_, r) => header.map((h) => columns[h]![r] ?? ''));
  return proposalFor(header, rows);
}

describe('a file with no known header', () => {
  const header = ['Ref', 'Opened On', 'Opened By', 'Owner', 'Queue', 'State', 'Closed On', 'Score'];
  const rows = [
    ['REQ-4501', '2024-05-02 14:03', 'Maya Lindqvist', 'Ana Ruiz', 'Service Desk', 'Closed', '2024-05-02 16:40', '5'],
    ['REQ-4502', '2024-05-02 15:21', 'Omar Haddad', 'Ben Okafor', 'Billing', 'Closed', '2024-05-03 09:12', '4'],
    ['REQ-4503', '2024-05-03 08:47', 'Priya Nair', 'Chloé Martin', 'Service Desk', 'Open', '', ''],
    ['REQ-4504', '2024-05-03 09:30', 'Maya Lindqvist', '', 'Field Ops', 'On Hold', '', '2'],
  ];
  const proposal = proposalFor(header, rows);

  it('proposes a column for each field its header and values fit', () => {
    expect(headersOf(proposal)).toEqual({
      id: ['Ref'],
      created_at: ['Opened On'],
      closed_at: ['Closed On'],
      status: ['State'],
      agent: ['Owner'],
      team: ['Queue'],
      satisfaction: ['Score'],
    });
    expect(proposal.missing).toEqual([]);
  });

  it('says why', () => {
    expect(whyOf(proposal, 'created_at')).toBe('header "Opened On" means created_at; its values are timestamps');
    expect(whyOf(proposal, 'id')).toBe('header "Ref" means id; its values are all different, never blank');
    expect(whyOf(proposal, 'satisfaction')).toBe('header "Score" means satisfaction; its values are whole numbers 1–5');
  });

  it('gives the mapping as --map and as config columns', () => {
    expect(proposal.mapFlag).toBe("--map 'id=Ref,created_at=Opened On,closed_at=Closed On,status=State,agent=Owner,team=Queue,satisfaction=Score'");
    expect(proposal.configColumns).toEqual({
      id: 'Ref',
      created_at: 'Opened On',
      closed_at: 'Closed On',
      status: 'State',
      agent: 'Owner',
      team: 'Queue',
      satisfaction: 'Score',
    });
  });
});

describe('a complaints export: date and time apart', () => {
  const header = ['Complaint ID', 'Date received', 'Time received', 'Product', 'Channel', 'Timely response?', 'Closed date', 'Customer rating'];
  const rows = [
    ['CR-2021-001', '04-01-2021', '9.05.12 AM', 'Credit card', 'Web', 'Yes', '2021-01-11', '4'],
    ['CR-2021-002', '04-01-2021', '11.42.50 AM', 'Checking account', 'Phone', 'Yes', '2021-01-08', '5'],
    ['CR-2021-003', '15-01-2021', '2.18.03 PM', 'Mortgage', 'Postal mail', 'No', '', ''],
  ];
  const proposal = proposalFor(header, rows);

  it('joins the date and the time column for created_at', () => {
    expect(headersOf(proposal).created_at).toEqual(['Date received', 'Time received']);
    expect(whyOf(proposal, 'created_at')).toBe(
      'header "Date received" means created_at; its values are dates, day first, and "Time received" holds times of day: joined with a space, they are timestamps',
    );
    expect(proposal.configColumns.created_at).toEqual(['Date received', 'Time received']);
    expect(proposal.mapFlag).toContain('created_at=Date received+Time received');
  });

  it('proposes the rest, and no dates alone for a timestamp field', () => {
    expect(headersOf(proposal)).toEqual({
      id: ['Complaint ID'],
      created_at: ['Date received', 'Time received'],
      channel: ['Channel'],
      satisfaction: ['Customer rating'],
    });
    expect(proposal.mapFlag).toBe("--map 'id=Complaint ID,created_at=Date received+Time received,channel=Channel,satisfaction=Customer rating'");
  });
});

describe('a call log', () => {
  const header = ['Call Id', 'Agent', 'Date', 'Time', 'Topic', 'Answered (Y/N)', 'Resolved', 'Speed of answer in seconds', 'AvgTalkDuration', 'Satisfaction rating'];
  const rows = [
    ['ID0001', 'Ana', '2021-01-04', '9:12:58', 'Contract related', 'Y', 'Y', '109', '0:02:23', '3'],
    ['ID0002', 'Ben', '2021-01-04', '9:12:58', 'Technical Support', 'Y', 'N', '70', '0:04:02', '3'],
    ['ID0003', 'Chloé', '2021-01-04', '9:47:31', 'Contract related', 'Y', 'Y', '10', '0:02:11', '4'],
    ['ID0004', 'Ana', '2021-01-05', '10:00:29', 'Payment related', 'N', 'N', '', '', ''],
  ];
  const proposal = proposalFor(header, rows);

  it('reads yes/no, durations and seconds from their headers and values; proposes only the fields the tool reads', () => {
    expect(headersOf(proposal)).toEqual({
      id: ['Call Id'],
      created_at: ['Date', 'Time'],
      agent: ['Agent'],
      satisfaction: ['Satisfaction rating'],
      handle_time: ['AvgTalkDuration'],
      resolved: ['Resolved'],
      answered: ['Answered (Y/N)'],
      first_response_time: ['Speed of answer in seconds'],
    });
    expect(whyOf(proposal, 'handle_time')).toBe('header "AvgTalkDuration" means handle_time; its values are durations');
    expect(proposal.mapFlag).toBe(
      "--map 'id=Call Id,created_at=Date+Time,agent=Agent,satisfaction=Satisfaction rating,handle_time=AvgTalkDuration,resolved=Resolved,answered=Answered (Y/N),first_response_time=Speed of answer in seconds'",
    );
  });
});

describe('values decide', () => {
  it('a header means the field its values fit: Resolved as yes/no or as timestamps', () => {
    expect(headersOf(columnsFile({ Ref: ['1', '2'], Resolved: ['yes', 'no'] }))).toMatchObject({ resolved: ['Resolved'] });
    const timestamps = headersOf(columnsFile({ Ref: ['1', '2'], Resolved: ['2021-01-04 10:00', '2021-01-05 11:00'] }));
    expect(timestamps).toMatchObject({ solved_at: ['Resolved'] });
    expect(timestamps.resolved).toBeUndefined();
  });

  it('first response time: timestamps are first_response_at, durations first_response_time', () => {
    expect(headersOf(columnsFile({ 'First response time': ['2021-01-04 10:00', '2021-01-05 11:00'] }))).toEqual({ first_response_at: ['First response time'] });
    expect(headersOf(columnsFile({ 'First response time (in hrs)': ['00:26:00', '27:15:00'] }))).toEqual({ first_response_time: ['First response time (in hrs)'] });
    // Plain numbers are read as seconds: hours (by the header) would be misread, so they are not proposed.
    expect(headersOf(columnsFile({ 'Resolution time (in hrs)': ['2.5', '30', '2.5'] }))).toEqual({});
    expect(whyOf(columnsFile({ 'Resolution time in seconds': ['2.5', '30'] }), 'resolution_time')).toBe(
      'header "Resolution time in seconds" holds "resolution time", a name for resolution_time; its values are numbers',
    );
  });

  it('a timestamp field needs timestamps, not text', () => {
    const proposal = columnsFile({ Created: ['14/Mar/24 5:20 PM', '13/Mar/24 4:05 PM'], Key: ['HELP-1', 'HELP-2'] });
    expect(headersOf(proposal)).toEqual({ id: ['Key'] });
    expect(proposal.missing).toEqual(['created_at']);
  });

  it('a date alone is no timestamp; with a time column that shares a word, it is', () => {
    expect(columnsFile({ 'Closed date': ['2021-01-11', '2021-01-12'] }).fields).toEqual([]);
    expect(headersOf(columnsFile({ 'Closed date': ['2021-01-11', '2021-01-12'], 'Closed time': ['10:00', '11:30'] }))).toEqual({
      closed_at: ['Closed date', 'Closed time'],
    });
    // a time column that shares no word goes only with the creation date, when simply "Time"
    expect(headersOf(columnsFile({ 'Closed date': ['2021-01-11', '2021-01-12'], Time: ['10:00', '11:30'] }))).toEqual({});
  });

  it('ratings need numbers, yes/no fields yes/no values, durations durations or numbers', () => {
    // (the values repeat, so that no column is proposed as the id by its values)
    const words = ['great', 'awful', 'fine', 'meh', 'ok', 'good', 'bad', 'so-so', 'superb', 'poor', 'dire'];
    expect(headersOf(columnsFile({ CSAT: [...words, ...words] }))).toEqual({});
    expect(headersOf(columnsFile({ Escalated: ['maybe', 'often', 'maybe'] }))).toEqual({});
    expect(headersOf(columnsFile({ 'Handle time': ['quick', 'slow', 'quick'] }))).toEqual({});
    expect(headersOf(columnsFile({ 'Handle time': ['120', '30.5'] }))).toEqual({ handle_time: ['Handle time'] });
  });

  it('a satisfaction scale in a few words is proposed, its words to be given meaning', () => {
    const proposal = columnsFile({ 'Survey results': ['Happy', 'Neutral', 'Unhappy', 'Happy'] });
    expect(headersOf(proposal)).toEqual({ satisfaction: ['Survey results'] });
    expect(whyOf(proposal, 'satisfaction')).toContain("3 different words (\"Happy\", \"Neutral\", \"Unhappy\"…): give their meaning in the config's values");
  });

  it('a count column of 0/1 feeds a count field', () => {
    expect(headersOf(columnsFile({ Reopens: ['0', '1', '0'] }))).toEqual({ reopens: ['Reopens'] });
  });
});

describe('ids', () => {
  it('an id column needs values that are (nearly) all different and never blank', () => {
    expect(headersOf(columnsFile({ 'Ticket ID': ['1', '2', ''] }))).toEqual({});
    const partial = columnsFile({ 'Old ticket id': ['A', 'A', 'B', 'B'] });
    expect(headersOf(partial)).toEqual({});
    expect(partial.missing).toEqual(['id', 'created_at']);
  });

  it('a header that names the id exactly may repeat it (an event log: rows of one case are one ticket)', () => {
    const proposal = columnsFile({ CaseID: ['Case 1', 'Case 1', 'Case 2', 'Case 2', 'Case 2'], Resource: ['Ana', 'Ben', 'Ana', 'Ana', 'Ben'] });
    expect(headersOf(proposal)).toEqual({ id: ['CaseID'], agent: ['Resource'] });
    expect(whyOf(proposal, 'id')).toBe('header "CaseID" means id; its values are 2 different ids in 5 rows, never blank: rows with the same id are one ticket, the one updated last kept');
  });

  it('with no header naming the id, the first column whose values are all different', () => {
    const proposal = columnsFile({ Team: ['A', 'A', 'B'], Code: ['X-1', 'X-2', 'X-3'], Subject: ['a', 'b', 'c'], Opened: ['2021-01-04 10:00', '2021-01-05 10:00', '2021-01-06 10:00'] });
    expect(headersOf(proposal)).toEqual({ id: ['Code'], created_at: ['Opened'], team: ['Team'] });
    expect(whyOf(proposal, 'id')).toBe('no header names the ticket id, but "Code" has a different value in each of its 3 rows and no blank');
    expect(proposal.missing).toEqual([]);
  });

  it('the fallback takes no timestamps and no column with a blank', () => {
    const proposal = columnsFile({ When: ['2021-01-04 10:00', '2021-01-05 10:00'], Note: ['x', ''] });
    expect(proposal.fields).toEqual([]);
    expect(proposal.missing).toEqual(['id', 'created_at']);
  });
});

describe('names', () => {
  it('an exact name beats a name held among other words', () => {
    const at = ['2021-01-04 10:00', '2021-01-05 10:00'];
    expect(headersOf(columnsFile({ 'Opened on (UTC)': at, 'Opened on': at }))).toEqual({ created_at: ['Opened on'] });
    expect(headersOf(columnsFile({ 'Opened on (UTC)': at }))).toEqual({ created_at: ['Opened on (UTC)'] });
    expect(whyOf(columnsFile({ 'Opened on (UTC)': at }), 'created_at')).toBe('header "Opened on (UTC)" holds "opened on", a name for created_at; its values are timestamps');
  });

  it('a header feeds one field; each field gets one header', () => {
    const proposal = columnsFile({ Customer: ['Ann', 'Bob', 'Ann'], 'Customer email': ['a@x', 'b@x', 'a@x'], Requester: ['Ann', 'Bob', 'Ann'] });
    expect(headersOf(proposal)).toEqual({ customer: ['Customer'] });
  });

  it('camelCase and punctuation do not matter', () => {
    const at = ['2021-01-04 10:00', '2021-01-05 10:00'];
    expect(headersOf(columnsFile({ createdAt: at, 'ASSIGNED_TO': ['Ann', 'Bob'], 'Component/s': ['Web', 'App'] }))).toEqual({
      created_at: ['createdAt'],
      agent: ['ASSIGNED_TO'],
      team: ['Component/s'],
    });
  });

  it('generic words name a field only as the whole header', () => {
    // all different: the id by its values, not by its name
    expect(whyOf(columnsFile({ 'Phone number': ['555-0101', '555-0102'] }), 'id')).toMatch(/^no header names the ticket id/);
    expect(whyOf(columnsFile({ Number: ['555-0101', '555-0102'] }), 'id')).toMatch(/^header "Number" means id/);
    expect(headersOf(columnsFile({ 'Agent email': ['a@x', 'b@x'] }))).toEqual({ agent: ['Agent email'] });
    expect(headersOf(columnsFile({ Email: ['a@x', 'b@x'] }))).toMatchObject({ customer: ['Email'] });
  });

  it('a text field is not read from a column of numbers or times beside its name', () => {
    expect(headersOf(columnsFile({ 'Queue time': ['120', '30', '30'] }))).toEqual({});
    expect(headersOf(columnsFile({ 'Customer interactions': ['2', '3', '3'] }))).toEqual({});
    expect(headersOf(columnsFile({ 'Agent ID': ['17', '18', '17'] }))).toEqual({ agent: ['Agent ID'] });
    expect(headersOf(columnsFile({ AgentId: ['17', '18', '17'] }))).toEqual({ agent: ['AgentId'] });
    expect(headersOf(columnsFile({ 'Priority level': ['1', '2', '3'] }))).toEqual({ priority: ['Priority level'] });
  });

  it('a header written twice, or blank, is not proposed', () => {
    expect(proposalFor(['Labels', 'Labels', ''], [['a', 'b', 'c']]).fields).toEqual([]);
  });
});

describe('quoting', () => {
  it('a header with , = + or " is written in double quotes, " doubled', () => {
    expect(mapHeader('Opened On')).toBe('Opened On');
    expect(mapHeader('Opened, On')).toBe('"Opened, On"');
    expect(mapHeader('a=b')).toBe('"a=b"');
    expect(mapHeader('Date+Time')).toBe('"Date+Time"');
    expect(mapHeader('The "real" id')).toBe('"The ""real"" id"');
  });

  it('the value is one shell word in single quotes', () => {
    expect(shellQuote("Customer's name")).toBe("'Customer'\\''s name'");
    expect(mapFlagOf([{ field: 'customer', headers: ["Customer's name"] }])).toBe("--map 'customer=Customer'\\''s name'");
    expect(mapFlagOf([{ field: 'created_at', headers: ['Opened, On'] }])).toBe(`--map 'created_at="Opened, On"'`);
    expect(mapFlagOf([{ field: 'created_at', headers: ['Date, received', 'Time'] }])).toBe(`--map 'created_at="Date, received"+Time'`);
    expect(mapFlagOf([])).toBe('');
  });

  it('through a proposal', () => {
    const proposal = columnsFile({ '"Ref"': ['1', '2'], 'Opened, On': ['2021-01-04 10:00', '2021-01-05 10:00'], "Owner's": ['Ann', 'Bob'] });
    expect(proposal.mapFlag).toBe(`--map 'id="""Ref""",created_at="Opened, On",agent=Owner'\\''s'`);
    expect(proposal.configColumns).toEqual({ id: '"Ref"', created_at: 'Opened, On', agent: "Owner's" });
  });

  it('a shell reads the flag back as written', () => {
    // What `sh` does with a single-quoted word: '\'' closes, adds a quote, reopens.
    const unquote = (word: string): string => word.replace(/^'|'$/g, '').replaceAll("'\\''", "'");
    const value = "created_at=\"Opened, On\",agent=O'Brien";
    expect(unquote(shellQuote(value))).toBe(value);
  });
});

describe('the synonyms table', () => {
  it('has an entry for every canonical field', () => {
    for (const field of FIELDS) expect(Object.keys(HEADER_SYNONYMS)).toContain(field.name);
  });

  it('holds only canonical fields and the new yes/no and duration fields', () => {
    const known = new Set<string>([...FIELDS.map((f) => f.name), 'resolved', 'answered', 'first_response_time', 'resolution_time']);
    for (const field of Object.keys(HEADER_SYNONYMS)) expect(known).toContain(field);
  });

  it('writes its names normalised, each once per field', () => {
    for (const names of Object.values(HEADER_SYNONYMS)) {
      const plain = (names as readonly string[]).map((n) => n.replace(/^=/, ''));
      for (const name of plain) expect(normaliseHeader(name)).toBe(name);
      expect(new Set(plain).size).toBe(plain.length);
    }
  });
});

describe('nearestPresets', () => {
  it('the CSV presets that have some of their signature, nearest first', async () => {
    const presets = Object.values(await loadPresets());
    expect(nearestPresets(presets, ['Number', 'Opened_at', 'Id', 'Via', 'Subject'])).toEqual([
      { name: 'servicenow', title: 'ServiceNow incident export or event log', missing: ['sys_updated_at'] },
      { name: 'zendesk', title: 'Zendesk Support CSV export', missing: ['Created at', 'Requester id'] },
    ]);
  });

  it('ties by name; a * in a signature header stands for any text; limit', async () => {
    const presets = Object.values(await loadPresets());
    const tie = nearestPresets(presets, ['Id', 'Created at', 'Ticket ID', 'Created time']);
    expect(tie.map((p) => p.name)).toEqual(['freshdesk', 'zendesk']);
    expect(nearestPresets(presets, ['Conversation ID', 'Conversation started at (Europe/Paris)', 'Id'], 1)).toEqual([
      { name: 'intercom', title: expect.any(String) as string, missing: [] },
    ]);
  });

  it('never a JSON preset; none when nothing is found', async () => {
    const presets = Object.values(await loadPresets());
    // zendesk-api (JSON) has `via` in its signature; zendesk (CSV) `Via`
    expect(nearestPresets(presets, ['via']).map((p) => p.name)).toEqual(['zendesk']);
    expect(nearestPresets(presets, ['Ref', 'Opened On'])).toEqual([]);
  });

  it('a choice of headers is found by any of them, and missing as "A or B"', () => {
    const presets = [{ name: 'x', title: 'X', format: 'csv' as const, signature: ['Key', ['Created', 'Opened']] }];
    expect(nearestPresets(presets, ['key'])).toEqual([{ name: 'x', title: 'X', missing: ['Created or Opened'] }]);
    expect(nearestPresets(presets, ['Opened'])).toEqual([{ name: 'x', title: 'X', missing: ['Key'] }]);
  });
});
