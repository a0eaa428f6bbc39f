import { render } from 'preact';
import { localisePage } from '../../components/page';
import { i18n } from '../../lib/i18n';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

localisePage(i18n.t('history.pageTitle'));
render(<App />, document.getElementById('app')!);
