import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuggest } from '../../api/library.ts';

/** Waits until typing pauses, so the typeahead asks once per pause, not once per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The query box with title suggestions (either script completes either script's titles). Give it
 * `key={query}` so a new search in the address starts it afresh.
 */
export function SearchBox({ initial, onSearch, placeholder }: { initial: string; onSearch: (q: string) => void; placeholder?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const suggest = useSuggest(useDebounced(text, 200));
  const options = (text.trim() ? (suggest.data?.items ?? []) : []).map((title) => ({ value: title, label: title }));
  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(value: string) => onSearch(value)}
      // Enter searches what was typed; a suggestion is taken only when the teacher picks it.
      defaultActiveFirstOption={false}
      style={{ width: '100%' }}
      data-testid="library-search-box"
    >
      <Input.Search
        size="large"
        allowClear
        enterButton={t('library.search.submit')}
        placeholder={placeholder ?? t('library.search.placeholder')}
        // The box's own state, not the event's value: inside AutoComplete the two can differ for a moment.
        onSearch={(value, _event, info) => onSearch(info?.source === 'clear' ? '' : (value || text).trim())}
        aria-label={t('library.search.title')}
      />
    </AutoComplete>
  );
}
