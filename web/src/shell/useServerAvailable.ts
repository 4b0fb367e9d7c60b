/** True once the page's origin answered as a miroscope server (see isMiroscopeServer.ts). */
import { useEffect, useState } from 'react';
import { servedByMiroscope } from './isMiroscopeServer.ts';

export function useServerAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let mounted = true;
    void servedByMiroscope().then((yes) => mounted && setAvailable(yes));
    return () => {
      mounted = false;
    };
  }, []);
  return available;
}
