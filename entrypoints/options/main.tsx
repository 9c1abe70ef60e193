/** Options page entry: renders the dashboard (library, add & import, settings) in the user's language. */
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { localizeDocument } from '../../lib/i18n/document';
import '../../components/theme.css';
import './style.css';

localizeDocument('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
