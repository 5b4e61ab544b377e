// The language to translate into (popup, reader toolbar, options): choosing one also makes it the
// default for the next article.
import { languageName } from '@/platform/i18n';
import { TARGET_LANGUAGES } from '@/lib/translate/languages';
import { targetLanguageItem } from '@/platform/translate/settings';

export function TargetLanguageSelect({
  value,
  onChange,
  id,
  testId,
}: {
  value: string;
  onChange: (code: string) => void;
  id?: string;
  testId?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      data-testid={testId}
      onChange={(e) => {
        const code = (e.currentTarget as HTMLSelectElement).value;
        onChange(code);
        void targetLanguageItem.setValue(code);
      }}
    >
      {TARGET_LANGUAGES.map((code) => (
        <option value={code} key={code}>
          {languageName(code)}
        </option>
      ))}
    </select>
  );
}
