import type { IdeaView } from '@fokus/protocol';
import { describe, expect, it } from 'vitest';
import { ideaMatcher } from './idea-filter.ts';

const idea = (seq: number, text: string, details = '', merged: string[] = []): IdeaView => ({
  id: `i${seq}`,
  boardId: 'omvarld',
  text,
  details,
  groupId: null,
  hidden: false,
  seq,
  merged,
  tips: false,
  category: null,
});

const ideas = [
  idea(1, 'Studieresa', '', ['Studieresa till Köpenhamn']),
  idea(2, 'Föredrag: Vad krävs för tillväxt?', 'dag/nattbefolkning, KPI:er'),
  idea(3, 'ÖVERENS OM HUR VI BEMÖTER FRÅGOR'),
  idea(12, 'Samverkansöverenskommelsefrågor', 'avtal mellan kommun och handlare'),
];
const find = (q: string) => ideas.filter(ideaMatcher(q)).map((i) => i.seq);

describe('the moderation search', () => {
  it('matches everything when empty or blank', () => {
    expect(find('')).toEqual([1, 2, 3, 12]);
    expect(find('   ')).toEqual([1, 2, 3, 12]);
  });
  it('ignores case, Swedish letters included', () => {
    expect(find('ÖVERENS')).toEqual([3, 12]);
    expect(find('överens')).toEqual([3, 12]);
    expect(find('FÖREDRAG')).toEqual([2]);
  });
  it('keeps å, ä and ö apart from a and o', () => {
    expect(find('overens')).toEqual([]);
  });
  it('searches the details and the texts merged into an idea', () => {
    expect(find('kpi')).toEqual([2]);
    expect(find('handlare')).toEqual([12]);
    expect(find('köpenhamn')).toEqual([1]);
  });
  it('needs every word', () => {
    expect(find('avtal kommun')).toEqual([12]);
    expect(find('avtal studieresa')).toEqual([]);
  });
  it('finds a theme number', () => {
    expect(find('#12')).toEqual([12]);
    expect(find('#1')).toEqual([1]);
  });
});
