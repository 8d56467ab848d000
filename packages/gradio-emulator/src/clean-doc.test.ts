import { describe, expect, it } from 'vitest';
import { cleanDoc, expandTabs } from './clean-doc.js';

describe('cleanDoc (Python inspect.cleandoc)', () => {
  it('strips the first line and the common indentation of the others', () => {
    expect(cleanDoc('  Title\n    a\n      b\n    c')).toBe('Title\na\n  b\nc');
    expect(cleanDoc('1. **A**\n   detail')).toBe('1. **A**\ndetail');
    expect(cleanDoc('1. **A**\n   detail\nNext')).toBe('1. **A**\n   detail\nNext');
  });

  it('drops empty lines at both ends but keeps whitespace-only lines without content lines', () => {
    expect(cleanDoc('\n\nHello\n\n')).toBe('Hello');
    expect(cleanDoc('Para\n\n')).toBe('Para');
    expect(cleanDoc('abc\n   ')).toBe('abc\n   ');
    expect(cleanDoc('abc\n   \n  x')).toBe('abc\n \nx');
    expect(cleanDoc('   ')).toBe('');
  });

  it('expands tabs to 8 columns before measuring indentation', () => {
    expect(expandTabs('a\tb\n\tc')).toBe('a       b\n        c');
    expect(cleanDoc('x\n\ty\n        z')).toBe('x\ny\nz');
  });

  it('treats Python whitespace, not JavaScript whitespace, as indentation', () => {
    expect(cleanDoc('x\n\u00a0y')).toBe('x\ny');
    expect(cleanDoc('\ufeffx')).toBe('\ufeffx');
  });
});
