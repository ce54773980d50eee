import { freshList } from '../src/fresh-list.js';

describe('freshList', () => {
  it('gives a new empty array each time, which the next one does not share', () => {
    const a = freshList<number>();
    a.push(1, 2);
    const b = freshList<string>();
    expect(b).toEqual([]);
    expect(b).not.toBe(a);
    b.push('x');
    expect(a).toEqual([1, 2]);
    expect(freshList()).toEqual([]);
    expect(Array.isArray(freshList())).toBe(true);
  });
});
