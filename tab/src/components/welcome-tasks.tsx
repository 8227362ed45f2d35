import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, API, type WelcomeTask } from '../api.js';
import { formatDate } from '../format.js';
import { linkTo } from '../router.js';

/** IEV's to-do list: new partners whose "Welcome to Involvement" has not gone by GOV.UK Notify (no consent, a phone call, a wrong number). */
export function WelcomeTasks() {
  const [tasks, setTasks] = useState<readonly WelcomeTask[]>();
  useEffect(() => {
    api(API.welcomeTasks).then(
      (found) => setTasks(found.items),
      () => setTasks([]),
    );
  }, []);
  if (!tasks || tasks.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" style={{ marginBottom: 16 }} aria-label="Welcome tasks">
      <MessageBarBody>
        <MessageBarTitle>
          Welcome to Involvement: {tasks.length} {tasks.length === 1 ? 'partner needs' : 'partners need'} a welcome
        </MessageBarTitle>
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {tasks.slice(0, 5).map((task) => (
            <li key={task.id}>
              <Link href={linkTo('partner', { id: task.id })}>{task.displayName}</Link>, registered{' '}
              {formatDate(task.registeredAt)}
            </li>
          ))}
        </ul>
        {tasks.length > 5 && <span>and {tasks.length - 5} more.</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
