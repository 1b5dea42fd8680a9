/** A row of period buttons acting as one radio group (a report's "this week / 4 weeks / …"). */
export function PeriodPicker<P extends string>(props: {
  options: readonly P[];
  value: NoInfer<P>;
  onChange(period: NoInfer<P>): void;
  label: string;
  optionLabel(period: NoInfer<P>): string;
  className: string;
  testIdPrefix: string;
  children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <div className={props.className} role="radiogroup" aria-label={props.label}>
      {props.options.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={props.value === option}
          className={`btn btn-small${props.value === option ? ' btn-active' : ''}`}
          onClick={() => props.onChange(option)}
          data-testid={`${props.testIdPrefix}${option}`}
        >
          {props.optionLabel(option)}
        </button>
      ))}
      {props.children}
    </div>
  );
}
