export interface LanguagePack {
  language: string;
}
export function loadPack(language: string): LanguagePack {
  return { language };
}
