/** Options page entry: renders the dashboard (library, add & import, settings). */
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/theme.css';
import './style.css';

render(<OptionsApp />, document.getElementById('app')!);
