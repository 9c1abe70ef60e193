/** Welcome page entry (opened once, on install): renders WelcomeApp in the user's language. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import { localizeDocument } from '../../lib/i18n/document';
import '../../components/theme.css';
import './style.css';

localizeDocument('welcomeTitle');
render(
  <WelcomeApp onOpenOptions={(tab) => void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${tab}`) })} />,
  document.getElementById('app')!,
);
